package boxoffice;

import boxoffice.api.ApiJson;
import boxoffice.config.HttpConfiguration;
import boxoffice.config.WebhooksConfiguration;
import boxoffice.docs.ApiDocsResource;
import boxoffice.errors.DomainErrorMapper;
import boxoffice.errors.JsonErrorHandler;
import boxoffice.errors.MalformedJsonMapper;
import boxoffice.errors.UnexpectedErrorMapper;
import boxoffice.errors.ValidationErrorMapper;
import boxoffice.errors.WebApplicationErrorMapper;
import boxoffice.health.LedgerHealthCheck;
import boxoffice.health.RequestThreadsHealthCheck;
import boxoffice.health.SweeperHealthCheck;
import boxoffice.http.OrganizerAuthFilter;
import boxoffice.http.OrganizerKeys;
import boxoffice.http.Tenancy;
import boxoffice.lifecycle.ExpirySweeper;
import boxoffice.lifecycle.PeriodicJob;
import boxoffice.live.LiveAvailability;
import boxoffice.metrics.DueBacklogGauges;
import boxoffice.metrics.HttpMetricsListener;
import boxoffice.metrics.PrometheusBridge;
import boxoffice.metrics.RequestThreads;
import boxoffice.metrics.SeatGauges;
import boxoffice.metrics.WaitingRoomGauges;
import boxoffice.resources.BodyDeadlineFilter;
import boxoffice.resources.BodyPrefetchFilter;
import boxoffice.resources.BodySizeLimitFilter;
import boxoffice.resources.BookingResource;
import boxoffice.resources.ClientAddresses;
import boxoffice.resources.ClientHangUpFilter;
import boxoffice.resources.CorrelationIdFilter;
import boxoffice.resources.EventResource;
import boxoffice.resources.ExactHeaderValues;
import boxoffice.resources.HoldResource;
import boxoffice.resources.PeerAddressFilter;
import boxoffice.resources.RateLimitFilter;
import boxoffice.resources.RequestDeadlineFilter;
import boxoffice.resources.SystemResource;
import boxoffice.resources.WebhookResource;
import boxoffice.service.ExpiryService;
import boxoffice.service.LedgerAuditor;
import boxoffice.store.Retention;
import boxoffice.store.ledger.Stores;
import boxoffice.tasks.AdminTaskServlet;
import boxoffice.tasks.ExpireHoldTask;
import boxoffice.tasks.RedeliverWebhooksTask;
import boxoffice.tasks.SweepExpiredTask;
import boxoffice.tasks.VerifyLedgerTask;
import boxoffice.waitingroom.EventWaitingRoomResource;
import boxoffice.waitingroom.WaitingRoomResource;
import boxoffice.waitlist.EventWaitlistResource;
import boxoffice.waitlist.WaitlistResource;
import boxoffice.warmup.Warmup;
import boxoffice.webhooks.AddressPolicy;
import boxoffice.webhooks.HostResolver;
import boxoffice.webhooks.PublicAddresses;
import boxoffice.webhooks.RetrySchedule;
import boxoffice.webhooks.WebhookDispatcher;
import boxoffice.webhooks.WebhookLagHealthCheck;
import boxoffice.webhooks.WebhookMessages;
import boxoffice.webhooks.WebhookMetrics;
import boxoffice.webhooks.WebhookSender;
import boxoffice.webhooks.WebhookService;
import boxoffice.webhooks.WebhookUrls;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds the store, the services over it, and the HTTP and admin surfaces over those. */
public class BoxOfficeApplication extends Application<BoxOfficeConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(BoxOfficeApplication.class);

    private final Clock clock;
    private final HostResolver webhookHosts;
    private final AddressPolicy webhookAddresses;

    /** Milliseconds are the precision of the API and of the stores. */
    public BoxOfficeApplication() {
        this(Clock.tickMillis(ZoneOffset.UTC));
    }

    /** Tests pass a clock they can move. */
    public BoxOfficeApplication(Clock clock) {
        this(clock, HostResolver.SYSTEM, new PublicAddresses());
    }

    /**
     * Tests also pass how webhook hosts resolve and which addresses count as public, to play the internet on loopback
     * (the policy applies unless WEBHOOK_ALLOW_PRIVATE).
     */
    public BoxOfficeApplication(Clock clock, HostResolver webhookHosts, AddressPolicy webhookAddresses) {
        this.clock = clock;
        this.webhookHosts = webhookHosts;
        this.webhookAddresses = webhookAddresses;
    }

    public static void main(String[] args) throws Exception {
        new BoxOfficeApplication().run(args);
    }

    @Override
    public String getName() {
        return "box-office";
    }

    @Override
    public void initialize(Bootstrap<BoxOfficeConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(BoxOfficeConfiguration config, Environment environment) {
        ApiJson.configure(environment.getObjectMapper());
        Warmup warmup = new Warmup(config.getWarmup(), config.getStore().timeout(), retention(config));
        Stores stores = warmup.route(buildStore(config, environment));
        Services services = Services.build(config, environment, stores, clock);
        Tenancy tenancy = registerApi(config, environment, services);
        LiveAvailability.register(config.getLive(), environment, stores.reads(), services.events(),
                new ClientAddresses(config.getAdmission().trustedProxies()));
        registerBodyLimits(config.getHttp(), environment);
        registerRequestThreads(environment);
        registerErrorMappers(config, environment);
        ExactHeaderValues.enable(environment);
        registerSweeper(config, environment, services.expiry());
        registerLedgerAudit(config, environment, services.auditor());
        registerAdminTasks(environment, services);
        SeatGauges.register(environment.metrics(), services.totals());
        WaitingRoomGauges.register(environment.metrics(), services.waitingRooms());
        registerWebhooks(config.getWebhooks(), environment, stores, tenancy);
        warmup.register(environment, config.getHttp().apiKeys());
    }

    private static Stores buildStore(BoxOfficeConfiguration config, Environment environment) {
        LOG.info("Store: {}", config.getStore().describe());
        return config.getStore().build(environment, retention(config));
    }

    private static Retention retention(BoxOfficeConfiguration config) {
        return new Retention(config.getHolds().getFinishedRetention().toJavaDuration(),
                config.getFeed().getRetention().toJavaDuration());
    }

    /** The public API's filters and resources; answers the tenancy check the webhooks' resource shares. */
    private static Tenancy registerApi(BoxOfficeConfiguration config, Environment environment, Services services) {
        OrganizerKeys organizers = new OrganizerKeys(config.getHttp().organizerApiKeys(),
                config.getHttp().adminApiKeys());
        if (organizers.isOpen()) {
            LOG.warn("No organizer API keys configured (ORGANIZER_API_KEYS): anyone may create events and release"
                    + " any hold. Configure keys before exposing this service.");
        }
        environment.servlets().addFilter("correlation-id", new CorrelationIdFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
        environment.servlets().addFilter("request-deadline", new RequestDeadlineFilter(config.getStore().timeout()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), true, "/api/*");
        environment.servlets().addFilter("peer-address", new PeerAddressFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment.jersey().register(new OrganizerAuthFilter(organizers));
        environment.jersey().register(new RateLimitFilter(services.rateLimiter(), organizers,
                new ClientAddresses(config.getAdmission().trustedProxies())));
        environment.jersey().register(new HttpMetricsListener(PrometheusBridge.install(environment)));
        Tenancy tenancy = new Tenancy(organizers, services.events());
        environment.jersey().register(new EventResource(services.events(), organizers, tenancy));
        environment.jersey().register(new HoldResource(services.holds(), organizers, services.admission(), tenancy));
        environment.jersey().register(new EventWaitingRoomResource(services.waitingRooms(), organizers, tenancy));
        environment.jersey().register(new WaitingRoomResource(services.waitingRooms()));
        environment.jersey().register(new EventWaitlistResource(services.waitlists(), organizers, services.admission()));
        environment.jersey().register(new WaitlistResource(services.waitlists()));
        environment.jersey().register(new BookingResource(services.bookings(), tenancy));
        environment.jersey().register(new SystemResource(services.totals(), environment.healthChecks()));
        environment.jersey().register(new ApiDocsResource());
        return tenancy;
    }

    /**
     * Bodies waited for without a thread, and too large (413), too slow to arrive (408) or malformed in their framing
     * (400) refused before anything parses them.
     */
    private static void registerBodyLimits(HttpConfiguration http, Environment environment) {
        environment.servlets().addFilter("client-hang-up", new ClientHangUpFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment.servlets().addFilter("body-prefetch", new BodyPrefetchFilter(http.getMaxBodySize().toBytes(),
                        http.getBodyTimeout().toJavaDuration()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        environment.jersey().register(BodySizeLimitFilter.perMethod(http.getMaxBodySize().toBytes(),
                http.getMaxLargeBodySize().toBytes()));
        environment.jersey().register(new BodyDeadlineFilter(http.getBodyTimeout().toJavaDuration(),
                environment.lifecycle().scheduledExecutorService("body-deadline").threads(1)
                        .removeOnCancelPolicy(true).build()));
    }

    /** Saturation of the public API's request threads, as gauges and as a health check that only reports. */
    private static void registerRequestThreads(Environment environment) {
        RequestThreads threads = new RequestThreads();
        environment.lifecycle().addServerLifecycleListener(threads::watch);
        threads.registerGauges(environment.metrics());
        environment.healthChecks().register("request-threads", new RequestThreadsHealthCheck(threads));
    }

    private static void registerErrorMappers(BoxOfficeConfiguration config, Environment environment) {
        JsonErrorHandler jettyErrors = new JsonErrorHandler(environment.getObjectMapper(),
                ((AbstractServerFactory) config.getServerFactory()).getAllowedMethods());
        environment.getApplicationContext().setErrorHandler(jettyErrors);
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(jettyErrors));
        environment.jersey().register(new DomainErrorMapper());
        environment.jersey().register(new ValidationErrorMapper());
        environment.jersey().register(new MalformedJsonMapper());
        environment.jersey().register(new WebApplicationErrorMapper());
        environment.jersey().register(new UnexpectedErrorMapper());
    }

    private void registerSweeper(BoxOfficeConfiguration config, Environment environment, ExpiryService expiry) {
        ExpirySweeper sweeper = new ExpirySweeper(expiry,
                environment.lifecycle().scheduledExecutorService("expiry-sweeper").threads(1).build(),
                config.getSweeper().getInterval().toJavaDuration(), clock, environment.metrics());
        environment.lifecycle().manage(sweeper);
        environment.healthChecks().register("sweeper", new SweeperHealthCheck(sweeper));
        DueBacklogGauges.register(environment.metrics(), expiry, clock);
    }

    private static void registerLedgerAudit(
            BoxOfficeConfiguration config, Environment environment, LedgerAuditor auditor) {
        environment.lifecycle().manage(new PeriodicJob("ledger audit",
                environment.lifecycle().scheduledExecutorService("ledger-audit").threads(1).build(),
                config.getAudit().getInterval().toJavaDuration(), auditor::auditPass));
        environment.healthChecks().register("ledger", new LedgerHealthCheck(auditor));
        environment.metrics().gauge("boxoffice.ledger.drift",
                () -> () -> auditor.lastReport().map(report -> report.drifted().size()).orElse(0));
    }

    private static void registerAdminTasks(Environment environment, Services services) {
        AdminTaskServlet.serve(environment.admin(), new ExpireHoldTask(services.holds()));
        AdminTaskServlet.serve(environment.admin(), new SweepExpiredTask(services.expiry()));
        AdminTaskServlet.serve(environment.admin(), new VerifyLedgerTask(services.auditor()));
    }

    /**
     * Webhooks: the organizers' resource, the dispatcher every instance runs (sharing the webhooks by lease), their
     * metrics and lag health check, and the operators' replay of dead messages.
     */
    private void registerWebhooks(
            WebhooksConfiguration config, Environment environment, Stores stores, Tenancy tenancy) {
        WebhookUrls urls = new WebhookUrls(config.isAllowHttp(), config.isAllowPrivate(), webhookHosts,
                webhookAddresses);
        if (config.isAllowHttp() || config.isAllowPrivate()) {
            LOG.warn("WEBHOOK_ALLOW_HTTP={} WEBHOOK_ALLOW_PRIVATE={}: webhooks may go to plain http or internal"
                    + " addresses; for tests and development only", config.isAllowHttp(), config.isAllowPrivate());
        }
        WebhookSender sender = new WebhookSender(urls, config.getTimeout().toJavaDuration(), clock);
        environment.lifecycle().manage(sender); // before the dispatcher: started before it, stopped after it
        WebhookService service = new WebhookService(stores.webhooks(), stores.reads(), urls, sender, clock);
        WebhookMetrics metrics = new WebhookMetrics(environment.metrics());
        environment.lifecycle().manage(WebhookDispatcher.over(stores.webhooks(), stores.reads(), stores.reads(), sender,
                new WebhookMessages(environment.getObjectMapper()),
                new RetrySchedule(config.getRetryFirst().toJavaDuration(), config.getRetryMaxDelay().toJavaDuration(),
                        config.getRetryFor().toJavaDuration()), metrics,
                environment.lifecycle().scheduledExecutorService("webhook-dispatcher").threads(1).build(),
                environment.lifecycle().executorService("webhook-sender").minThreads(4).maxThreads(4).build(),
                config.getPollInterval().toJavaDuration(), config.getLease().toJavaDuration(), clock));
        environment.healthChecks().register("webhooks",
                new WebhookLagHealthCheck(metrics, config.getLagThreshold().toJavaDuration()));
        environment.jersey().register(new WebhookResource(service, tenancy));
        AdminTaskServlet.serve(environment.admin(), new RedeliverWebhooksTask(service));
    }
}
