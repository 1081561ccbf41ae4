package dev.tenantbridge.fleet;

/** Short, storable descriptions of failures for the ledger, the jobs and the catalog. */
public final class Errors {

    private static final int MAX_LENGTH = 1000;

    private Errors() {}

    /** The innermost cause's message, cut to a length the control tables keep. */
    public static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        message = message.strip();
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) : message;
    }
}
