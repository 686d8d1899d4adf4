package boxoffice.admission;

/**
 * A buyer let through an event's waiting room, by the queue entry its token admits. {@link #customerId} is the id a
 * per-customer seat limit ({@code max_per_customer}) counts a hold against: one admission, one customer.
 */
public record AdmittedBuyer(String customerId) {}
