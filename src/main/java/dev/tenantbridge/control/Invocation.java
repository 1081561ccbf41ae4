package dev.tenantbridge.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Forwards a proxied call to its target and rethrows what the target threw, not the reflection wrapper. */
final class Invocation {

    private Invocation() {}

    static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
