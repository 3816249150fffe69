package org.feedbackharmonizer.publish;

/** The output guard found something that looks personal: nothing was published (exit 1). */
public final class PublishRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PublishRefused(String message) {
        super(message, null, false, false);
    }
}
