package dev.marketplace.command.program;

import dev.marketplace.api.program.Category;
import dev.marketplace.api.rules.RuleViolation;
import java.util.List;

/** A program's catalogue listing, validated: every constructor path checks every field. */
record Listing(String name, String summary, String description, Category category, List<String> tags,
               String iconUrl) {

    static final int NAME_MAX = 50;
    static final int SUMMARY_MAX = 140;
    static final int DESCRIPTION_MAX = 4000;
    static final int TAGS_MAX = 10;
    static final int TAG_MAX = 30;

    static Listing validated(String name, String summary, String description, Category category, List<String> tags,
                             String iconUrl) {
        if (category == null) {
            throw RuleViolation.invalid("category", "is required");
        }
        return new Listing(InputRules.requiredText("name", name, 2, NAME_MAX, false),
                           InputRules.requiredText("summary", summary, 1, SUMMARY_MAX, false),
                           InputRules.optionalText("description", description, DESCRIPTION_MAX),
                           category,
                           InputRules.tags(tags, TAGS_MAX, TAG_MAX),
                           InputRules.httpsUrl("iconUrl", iconUrl));
    }

    /** This listing with each non-null argument in place of its field, validated again as a whole. */
    Listing editedTo(String newName, String newSummary, String newDescription, Category newCategory,
                     List<String> newTags, String newIconUrl) {
        return validated(newName != null ? newName : name, newSummary != null ? newSummary : summary,
                         newDescription != null ? newDescription : description,
                         newCategory != null ? newCategory : category, newTags != null ? newTags : tags,
                         newIconUrl != null ? newIconUrl : iconUrl);
    }
}
