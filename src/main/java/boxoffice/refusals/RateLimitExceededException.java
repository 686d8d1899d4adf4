package boxoffice.refusals;

/** The caller has used up its quota; it may try again after the answer's {@code untilNext} (Retry-After). */
public final class RateLimitExceededException extends BoxOfficeException {
    private final RateLimitAnswer answer;

    public RateLimitExceededException(RateLimitAnswer answer) {
        super(ErrorCode.RATE_LIMITED,
                "Too many requests: the " + answer.quota().name() + " limit is " + answer.quota().tokens()
                + " per " + answer.quota().window().toSeconds() + " s; retry later");
        this.answer = answer;
    }

    @Override
    public void describe(ErrorDetails details) {
        details.rateLimit(answer);
    }
}
