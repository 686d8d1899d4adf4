package boxoffice.store.redis;

import boxoffice.domain.CustomerHoldings;

/** {@code read-customer.lua}: a customer's holds and bookings of an event, read atomically from their index. */
final class ReadCustomerScript {
    static final LuaScript<String> SCRIPT = LuaScript.reader("read-customer");

    private final ScriptRunner runner;

    ReadCustomerScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the customer's active holds and confirmed bookings */
    CustomerHoldings execute(String eventId, String customerId) {
        return ScriptMessages.customer(eventId, runner.run(SCRIPT, input(eventId, customerId)));
    }

    static ScriptInput input(String eventId, String customerId) {
        return new ScriptInput()
                .key("index_key", RedisKeys.customerIndexPrefix(eventId) + customerId)
                .key("bookings_key", RedisKeys.bookings(eventId))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId));
    }
}
