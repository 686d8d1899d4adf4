package boxoffice.store;

/**
 * Every read of the ledger, as the memory and Redis backends implement them: nothing between a service and the
 * backend. Each service takes only the part it reads. A read never changes anything: a hold that is due counts as
 * released in what it answers, and stays stored until a mutation or the sweeper releases it. Failures to reach the
 * store surface as {@link boxoffice.refusals.StoreUnavailableException}.
 */
public interface LedgerReads extends EventReads, HoldReads, FeedReads, DueHoldReads, AuditReads {}
