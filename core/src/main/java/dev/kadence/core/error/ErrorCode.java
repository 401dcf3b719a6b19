package dev.kadence.core.error;

/**
 * Every error the API can answer with: a stable {@code code} (the enum name, lower-cased), its HTTP
 * status and a short title. Clients match on the code; titles and details are for people.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request has invalid fields"),
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    BAD_REQUEST(400, "The request is invalid"),
    INVALID_CURSOR(400, "The cursor is not valid for this query"),
    UNAUTHENTICATED(401, "Authentication required"),
    INVALID_CREDENTIALS(401, "Wrong email or password"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    EMAIL_TAKEN(409, "An account with this email exists"),
    TAG_EXISTS(409, "A tag with this name exists"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request target is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
    TOO_MANY_ATTEMPTS(429, "Too many attempts"),
    HEADERS_TOO_LARGE(431, "The request line or headers are too large"),
    INTERNAL(500, "Internal error"),
    UNAVAILABLE(503, "Temporarily unavailable");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The code that best describes a bare HTTP status the framework produced on its own. */
    public static ErrorCode forStatus(int status) {
        for (ErrorCode c : values()) {
            if (c.status == status) {
                return c;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
