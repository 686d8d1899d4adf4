package boxoffice.admission;

/**
 * A buyer let through an event's waiting room. {@link #customerId} is the id its holds and waiting-list entries are
 * made for and a per-customer seat limit ({@code max_per_customer}) counts against: one admission, one customer. It is
 * derived one way from the queue entry ({@link AdmissionTokens#customerId}), never the queue id itself, which is the
 * admission credential and stays secret to its joiner.
 */
public record AdmittedBuyer(String customerId) {}
