package dev.marketplace.app.cannedresponses;

import dev.marketplace.api.program.RejectionReason;

record SaveCannedResponseInput(String id, RejectionReason reason, String title, String text) {
}
