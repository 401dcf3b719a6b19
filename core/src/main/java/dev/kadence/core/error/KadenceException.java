package dev.kadence.core.error;

import java.util.List;

/**
 * The one exception type the domain throws. It carries a typed {@link ErrorCode}; the HTTP mapping
 * happens in one place in each function.
 */
public class KadenceException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> errors;

    public KadenceException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public KadenceException(ErrorCode code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public static KadenceException notFound(String what) {
        return new KadenceException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static KadenceException invalid(String field, String code, String message) {
        return new KadenceException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
            List.of(new FieldError(field, code, message)));
    }
}
