package boxoffice.waitingroom;

/**
 * A buyer let through an event's waiting room. {@link #customerId} is the id its holds and waiting-list entries are
 * made for and a per-customer seat limit ({@code max_per_customer}) counts against: one admitted entry, one customer.
 * It is derived one way from the entry ({@link AdmissionTokens#customerId}), never its {@code queue_id}, which
 * fetches the admission token and stays secret to its joiner.
 */
public record AdmittedBuyer(String customerId) {}
