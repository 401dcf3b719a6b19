package dev.kadence.core.error;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem in one input so the client learns them all at once, then throws. */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The problems found so far, in the order found. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid: " + String.join(", ", errors.stream().map(FieldError::field).toList());
        throw new KadenceException(ErrorCode.VALIDATION_FAILED, detail, errors);
    }
}
