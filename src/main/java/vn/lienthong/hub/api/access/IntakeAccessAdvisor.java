package vn.lienthong.hub.api.access;

import java.lang.reflect.Method;
import java.util.Arrays;

import jakarta.jws.WebService;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.camel.Exchange;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubOperation;

/**
 * Puts {@link DeclaredAccess} in front of the queue intake's handlers: a bean method declared with
 * {@link HubOperation} that takes the Camel {@link Exchange} (the intake route calls it as a bean step) is authorized
 * from its declaration before it runs, with the intake's context (exchange property {@link ExchangeContext#INTAKE}).
 * A refusal is thrown into the route, which rejects the message to the rejected queue and records it like every
 * other refusal. Controllers and SOAP endpoints are left to their own adapters.
 */
@Component
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public class IntakeAccessAdvisor extends AbstractPointcutAdvisor {

    private final transient ObjectProvider<DeclaredAccess> access;

    public IntakeAccessAdvisor(ObjectProvider<DeclaredAccess> access) {
        this.access = access;
    }

    @Override
    public Pointcut getPointcut() {
        return new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return AnnotatedElementUtils.hasAnnotation(method, HubOperation.class)
                        && Arrays.asList(method.getParameterTypes()).contains(Exchange.class);
            }

            @Override
            public ClassFilter getClassFilter() {
                return type -> !AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                        && !type.isAnnotationPresent(WebService.class);
            }
        };
    }

    @Override
    public Advice getAdvice() {
        return (MethodInterceptor) this::invoke;
    }

    private Object invoke(MethodInvocation invocation) throws Throwable {
        Method method = invocation.getMethod();
        ExchangeContext context = null;
        for (Object argument : invocation.getArguments()) {
            if (argument instanceof Exchange exchange) {
                context = exchange.getProperty(ExchangeContext.INTAKE, ExchangeContext.class);
            }
        }
        if (context == null) {
            throw new IllegalStateException("intake handler " + method + " ran without the intake's context");
        }
        Method own = invocation.getThis() == null ? method
                : ClassUtils.getMostSpecificMethod(method, ClassUtils.getUserClass(invocation.getThis()));
        access.getObject().check(own, DeclaredAccess.declarationOf(own), context, name -> null);
        return invocation.proceed();
    }
}
