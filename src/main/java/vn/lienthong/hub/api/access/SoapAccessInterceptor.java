package vn.lienthong.hub.api.access;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.invoker.MethodDispatcher;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.SoapFaults;
import vn.lienthong.hub.soap.common.v1.HubFault;

/**
 * Puts {@link DeclaredAccess} in front of every SOAP operation of one endpoint: once CXF knows the operation and
 * before it invokes the implementation, the implementation method's declaration is checked. A refusal is answered
 * as the operation's own {@code HubFault}, exactly as if the implementation had thrown it.
 */
public class SoapAccessInterceptor extends AbstractPhaseInterceptor<Message> {

    private final DeclaredAccess access;
    private final Class<?> implementation;

    public SoapAccessInterceptor(DeclaredAccess access, Class<?> implementation) {
        super(Phase.PRE_INVOKE);
        this.access = access;
        this.implementation = implementation;
    }

    @Override
    public void handleMessage(Message message) {
        Exchange exchange = message.getExchange();
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        MethodDispatcher dispatcher = (MethodDispatcher) exchange.getService().get(MethodDispatcher.class.getName());
        Method method = operation == null || dispatcher == null ? null : dispatcher.getMethod(operation);
        if (method == null) {
            return; // CXF answers an operation it does not know itself (a fault with the hub's detail)
        }
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        ExchangeContext context = request == null ? null : (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE);
        try {
            access.check(method, DeclaredAccess.declarationOf(implementation, method), context, name -> null);
        } catch (HubException e) {
            throw new Fault(operationFault(method, e, context));
        }
    }

    /** The operation's declared fault (its {@code HubFault} exception), carrying the hub's detail. */
    private static Exception operationFault(Method method, HubException e, ExchangeContext context) {
        HubFault detail = SoapFaults.detail(e, context);
        for (Class<?> type : method.getExceptionTypes()) {
            try {
                Constructor<?> constructor = type.getConstructor(String.class, HubFault.class);
                return (Exception) constructor.newInstance(SoapFaults.message(e), detail);
            } catch (ReflectiveOperationException notThisOne) {
                // not the fault of the contract
            }
        }
        throw new IllegalStateException("SOAP operation " + method + " declares no HubFault");
    }
}
