package dev.marketplace.query.history;

import dev.marketplace.api.developer.DeveloperProfileUpdatedEvent;
import dev.marketplace.api.developer.DeveloperUnverifiedEvent;
import dev.marketplace.api.developer.DeveloperVerifiedEvent;
import dev.marketplace.api.program.InformationRequestedEvent;
import dev.marketplace.api.program.ListingUpdatedEvent;
import dev.marketplace.api.program.MiniProgramDelistedEvent;
import dev.marketplace.api.program.MiniProgramRegisteredEvent;
import dev.marketplace.api.program.MiniProgramReinstatedEvent;
import dev.marketplace.api.program.MiniProgramSuspendedEvent;
import dev.marketplace.api.program.ChecksStatus;
import dev.marketplace.api.program.PackageCheckedEvent;
import dev.marketplace.api.program.PhasedReleaseExpiredEvent;
import dev.marketplace.api.program.ReleaseRolledBackEvent;
import dev.marketplace.api.program.ReviewAnsweredEvent;
import dev.marketplace.api.program.ReviewClaimedEvent;
import dev.marketplace.api.program.ReviewEscalatedEvent;
import dev.marketplace.api.program.VersionApprovedEvent;
import dev.marketplace.api.program.VersionRejectedEvent;
import dev.marketplace.api.program.VersionReleasedEvent;
import dev.marketplace.api.program.VersionSubmittedEvent;
import dev.marketplace.api.program.VersionWithdrawnEvent;
import dev.marketplace.api.rating.RatingHiddenEvent;
import dev.marketplace.api.rating.RatingRestoredEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The history sentences for readers who chose Chinese, with the same facts as the English ones and, like them,
 * without the actor (shown beside each entry). The enum words match the portal's Chinese labels, so a category reads
 * the same in the listing and in its history. Null for an event it has no sentence for: the English one is used.
 */
final class ChineseEventSummary {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("SHOPPING", "购物"), Map.entry("FOOD_AND_DRINK", "餐饮"), Map.entry("TRAVEL", "旅行"),
            Map.entry("TRANSPORT", "出行"), Map.entry("FINANCE", "金融"), Map.entry("LIFESTYLE", "生活"),
            Map.entry("ENTERTAINMENT", "娱乐"), Map.entry("GAMES", "游戏"), Map.entry("EDUCATION", "教育"),
            Map.entry("HEALTH", "健康"), Map.entry("SOCIAL", "社交"), Map.entry("TOOLS", "工具"),
            Map.entry("BUSINESS", "商务"), Map.entry("GOVERNMENT", "政务"),
            Map.entry("USER_PROFILE", "用户资料"), Map.entry("PHONE_NUMBER", "手机号"), Map.entry("LOCATION", "位置"),
            Map.entry("CAMERA", "摄像头"), Map.entry("MICROPHONE", "麦克风"), Map.entry("PHOTOS", "相册"),
            Map.entry("CONTACTS", "通讯录"), Map.entry("BLUETOOTH", "蓝牙"), Map.entry("NFC", "NFC"),
            Map.entry("CLIPBOARD", "剪贴板"), Map.entry("PAYMENT", "支付"),
            Map.entry("CRASHES", "程序崩溃"), Map.entry("BROKEN_FUNCTIONALITY", "功能无法使用"),
            Map.entry("MISLEADING_LISTING", "展示信息有误导"), Map.entry("PRIVACY_VIOLATION", "侵犯隐私"),
            Map.entry("PROHIBITED_CONTENT", "含有违禁内容"), Map.entry("PERMISSIONS_NOT_JUSTIFIED", "申请的权限不合理"),
            Map.entry("INTELLECTUAL_PROPERTY", "侵犯知识产权"), Map.entry("OTHER", "其他"),
            Map.entry("DRAFT", "草稿"), Map.entry("LIVE", "已上架"), Map.entry("SUSPENDED", "已下架"),
            Map.entry("DELISTED", "已撤销"),
            Map.entry("PENDING", "检查中"), Map.entry("PASSED", "通过"), Map.entry("WARNINGS", "有警告"),
            Map.entry("FAILED", "未通过"));

    private ChineseEventSummary() {
    }

    static String of(Object payload) {
        if (payload instanceof MiniProgramRegisteredEvent e) {
            return "注册了“" + e.name() + "”，类别：" + word(e.category());
        } else if (payload instanceof ListingUpdatedEvent e) {
            return "更新了展示信息：“" + e.name() + "”，类别：" + word(e.category())
                   + (isEmpty(e.tags()) ? "" : "，标签：" + String.join("、", e.tags()));
        } else if (payload instanceof VersionSubmittedEvent e) {
            return "提交版本 " + e.version() + " 待审核"
                   + (isEmpty(e.permissions()) ? "" : "（申请权限：" + words(e.permissions()) + "）")
                   + tail(e.changelog());
        } else if (payload instanceof VersionWithdrawnEvent e) {
            return "撤回了待审核的版本 " + e.version();
        } else if (payload instanceof ReviewClaimedEvent e) {
            return "认领了版本 " + e.version() + " 的审核";
        } else if (payload instanceof ReviewEscalatedEvent e) {
            return "版本 " + e.version() + " 的审核已升级：等待超过" + (e.sla() == null ? "审核期限" : words(e.sla()));
        } else if (payload instanceof InformationRequestedEvent e) {
            return "就版本 " + e.version() + " 提出了问题" + tail(e.text());
        } else if (payload instanceof ReviewAnsweredEvent e) {
            return "回复了关于版本 " + e.version() + " 的问题" + tail(e.text());
        } else if (payload instanceof PackageCheckedEvent e) {
            return "版本 " + e.version() + " 的代码包已完成自动检查：" + word(ChecksStatus.of(e.findings()))
                   + (isEmpty(e.findings()) ? "" : "（" + e.findings().size() + " 项发现）");
        } else if (payload instanceof VersionApprovedEvent e) {
            return "批准了版本 " + e.version() + tail(e.comment());
        } else if (payload instanceof VersionRejectedEvent e) {
            return "拒绝了版本 " + e.version() + (isEmpty(e.reasons()) ? "" : "（" + words(e.reasons()) + "）")
                   + tail(e.comment());
        } else if (payload instanceof VersionReleasedEvent e) {
            return "向" + (e.percentage() >= 100 ? "全部用户" : " " + e.percentage() + "% 的用户") + "发布了版本 "
                   + e.version();
        } else if (payload instanceof PhasedReleaseExpiredEvent e) {
            return "版本 " + e.version() + " 的分阶段发布在 " + e.percentage() + "% 时到期，该版本不再发布";
        } else if (payload instanceof ReleaseRolledBackEvent e) {
            return "从 " + e.fromVersion() + " 回滚到 " + e.toVersion();
        } else if (payload instanceof MiniProgramSuspendedEvent e) {
            return "下架了该小程序" + tail(e.reason());
        } else if (payload instanceof MiniProgramReinstatedEvent e) {
            return "恢复了该小程序" + (e.status() == null ? "" : "，状态：" + word(e.status()));
        } else if (payload instanceof RatingHiddenEvent e) {
            return "隐藏了 " + e.userId() + " 的评分（" + e.stars() + " 星）";
        } else if (payload instanceof RatingRestoredEvent e) {
            return "恢复显示 " + e.userId() + " 的评分（" + e.stars() + " 星）";
        } else if (payload instanceof MiniProgramDelistedEvent) {
            return "撤销了该小程序";
        } else if (payload instanceof DeveloperProfileUpdatedEvent e) {
            return "开发者 " + e.developerId() + " 的资料设为“" + e.displayName() + "”";
        } else if (payload instanceof DeveloperVerifiedEvent e) {
            return "认证了开发者 " + e.developerId() + "（“" + e.displayName() + "”）";
        } else if (payload instanceof DeveloperUnverifiedEvent e) {
            return "开发者 " + e.developerId() + " 不再是认证开发者" + tail(e.reason());
        }
        return null;
    }

    private static String tail(String text) {
        return text == null || text.isBlank() ? "" : "：" + text.strip();
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }

    private static String word(Enum<?> value) {
        return value == null ? "未知" : WORDS.getOrDefault(value.name(), value.name());
    }

    private static String words(Collection<? extends Enum<?>> values) {
        return values.stream().map(ChineseEventSummary::word).collect(Collectors.joining("、"));
    }

    private static String words(Duration duration) {
        if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return " " + duration.toDays() + " 天";
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return " " + duration.toHours() + " 小时";
        }
        return " " + Math.max(1, duration.toMinutes()) + " 分钟";
    }
}
