package boxoffice.warmup;

import boxoffice.store.ledger.Stores;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * One store interface answered by the shared store, or by the scratch one for the warm-up's own requests
 * ({@link ScratchStores}), decided on each call. A dynamic proxy, so that a method added to a store is routed with
 * no code here.
 */
final class ScratchRoute {
    private ScratchRoute() {}

    /** {@code shared}, with each call on a warm-up request's thread sent to {@code pick} of the scratch stores. */
    static <T> T of(Class<T> type, T shared, ScratchStores scratch, Function<Stores, T> pick) {
        InvocationHandler handler = (proxy, method, args) -> {
            T target = scratch.active() ? pick.apply(scratch.stores()) : shared;
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // a refusal or an outage reaches the caller as the store threw it
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
