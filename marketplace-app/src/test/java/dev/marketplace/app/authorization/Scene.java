package dev.marketplace.app.authorization;

/**
 * The state one matrix cell starts from: a program made for that cell alone and, as far as the cell needs them, the
 * version and the rating its mutation acts on. A program not yet registered has only its name.
 */
record Scene(String programName, String programId, String versionId, String ratingId) {

    /** For a mutation that acts on no program. */
    static Scene none() {
        return new Scene(null, null, null, null);
    }

    static Scene unregistered(String programName) {
        return new Scene(programName, null, null, null);
    }

    Scene withProgram(String id) {
        return new Scene(programName, id, versionId, ratingId);
    }

    Scene withVersion(String id) {
        return new Scene(programName, programId, id, ratingId);
    }

    Scene withRating(String id) {
        return new Scene(programName, programId, versionId, id);
    }
}
