package boxoffice;

import boxoffice.config.AdmissionConfiguration;
import boxoffice.config.AuditConfiguration;
import boxoffice.config.FeedConfiguration;
import boxoffice.config.HoldsConfiguration;
import boxoffice.config.HttpConfiguration;
import boxoffice.config.IdempotencyConfiguration;
import boxoffice.config.LiveConfiguration;
import boxoffice.config.SweeperConfiguration;
import boxoffice.config.WarmupConfiguration;
import boxoffice.config.WebhooksConfiguration;
import boxoffice.store.ledger.StoreFactory;
import boxoffice.store.memory.MemoryStoreFactory;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** config.yml: every value has a default and the shipped file lets an environment variable override it. */
public class BoxOfficeConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private StoreFactory store = new MemoryStoreFactory();

    @Valid
    @NotNull
    @JsonProperty
    private HoldsConfiguration holds = new HoldsConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private IdempotencyConfiguration idempotency = new IdempotencyConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private SweeperConfiguration sweeper = new SweeperConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private AuditConfiguration audit = new AuditConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private FeedConfiguration feed = new FeedConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private HttpConfiguration http = new HttpConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private LiveConfiguration live = new LiveConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private AdmissionConfiguration admission = new AdmissionConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private WebhooksConfiguration webhooks = new WebhooksConfiguration();

    @Valid
    @NotNull
    @JsonProperty
    private WarmupConfiguration warmup = new WarmupConfiguration();

    /**
     * Every instance must check the tokens any instance signed: a key made up by each instance at start-up would
     * make an admitted buyer's holds pass or fail by which instance the load balancer picks.
     */
    @ValidationMethod(message = "ADMISSION_TOKEN_KEY (admission.tokenKey) is required with STORE=redis (store.type):"
            + " every instance must share the key that signs waiting-room admission tokens")
    public boolean isAdmissionTokenKeySetForASharedStore() {
        return !store.sharedByInstances() || !admission.tokenKeys().isEmpty();
    }

    /**
     * A replayed Idempotency-Key must find the hold it made for as long as the key is remembered; were the hold
     * forgotten first, the replay would place the hold again (a second life for a booked hold).
     */
    @ValidationMethod(message = "IDEMPOTENCY_RETENTION (idempotency.retention) must not be longer than"
            + " FINISHED_HOLD_RETENTION (holds.finishedRetention): a replayed key would place a forgotten hold again")
    public boolean isIdempotencyRetentionWithinFinishedHoldRetention() {
        return idempotency.getRetention().toJavaDuration()
                .compareTo(holds.getFinishedRetention().toJavaDuration()) <= 0;
    }

    /** A retry of a hold creation must be recognised for as long as the hold can live. */
    @ValidationMethod(message = "IDEMPOTENCY_RETENTION (idempotency.retention) must be at least HOLD_TTL_MAX"
            + " (holds.ttlMax): a retry of a hold creation must be recognised for the hold's whole life")
    public boolean isIdempotencyRetentionAtLeastTheLongestHold() {
        return idempotency.getRetention().toJavaDuration().compareTo(holds.getTtlMax().toJavaDuration()) >= 0;
    }

    public StoreFactory getStore() {
        return store;
    }

    public HoldsConfiguration getHolds() {
        return holds;
    }

    public IdempotencyConfiguration getIdempotency() {
        return idempotency;
    }

    public SweeperConfiguration getSweeper() {
        return sweeper;
    }

    public AuditConfiguration getAudit() {
        return audit;
    }

    public FeedConfiguration getFeed() {
        return feed;
    }

    public HttpConfiguration getHttp() {
        return http;
    }

    public LiveConfiguration getLive() {
        return live;
    }

    public AdmissionConfiguration getAdmission() {
        return admission;
    }

    public WebhooksConfiguration getWebhooks() {
        return webhooks;
    }

    public WarmupConfiguration getWarmup() {
        return warmup;
    }
}
