package dev.kadence.core.inbox;

import dev.kadence.core.error.ErrorCode;
import dev.kadence.core.error.FieldError;
import dev.kadence.core.error.KadenceException;

import java.util.List;

/**
 * An event this consumer can never process: not a valid CloudEvent, a type it does not take, or data that can
 * never be valid. Answered with a 4xx, which a KafkaSource does not retry; nothing is recorded.
 */
public class UnprocessableEvent extends KadenceException {
    public UnprocessableEvent(String detail) {
        super(ErrorCode.BAD_REQUEST, detail);
    }

    /** With the attributes or data fields at fault, e.g. {@code data.task.due_at: out_of_range}. */
    public UnprocessableEvent(String detail, List<FieldError> errors) {
        super(ErrorCode.BAD_REQUEST, detail, errors);
    }
}
