package vn.lienthong.hub.api.rest;

import java.net.SocketTimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import vn.lienthong.hub.api.BodyTimeoutException;
import vn.lienthong.hub.api.ErrorResponses;
import vn.lienthong.hub.api.Problem;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.FailureTranslator;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.RetryLater;

/** Every REST failure becomes problem+json with the hub's code and the transaction id; never a stack trace. */
@RestControllerAdvice
public class RestExceptionHandler {

    @ExceptionHandler(HubException.class)
    public ResponseEntity<Problem> hub(HubException e, HttpServletRequest request) {
        return problem(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (bodyTimedOut(e)) {
            return problem(bodyTimeout(e), request);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return problem(new HubException(ErrorCode.UNKNOWN_FIELD, "unknown field '" + unknown.getPropertyName()
                        + "'; known fields: " + unknown.getKnownPropertyIds()), request);
            }
            if (t.getClass().getSimpleName().equals("PayloadTooLargeException")) {
                return problem(new HubException(ErrorCode.PAYLOAD_TOO_LARGE, t.getMessage()), request);
            }
        }
        return problem(new HubException(ErrorCode.MALFORMED_REQUEST, "the body is not the JSON the contract describes"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.NOT_ACCEPTABLE, "this resource answers application/json"), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here"), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public ResponseEntity<Problem> parameter(Exception e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.INVALID_FIELD, e.getMessage()), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.NOT_FOUND, "no resource at " + e.getResourcePath()), request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        if (bodyTimedOut(e)) {
            return problem(bodyTimeout(e), request);
        }
        HubException problem = FailureTranslator.translate(e);
        if (problem.code() == ErrorCode.INTERNAL_ERROR) {
            org.slf4j.LoggerFactory.getLogger(RestExceptionHandler.class).error("Unexpected failure", e);
        }
        return problem(problem, request);
    }

    /** The body stopped arriving (Tomcat's read timeout) or arrived too slowly (the edge's body deadline). */
    private static boolean bodyTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static HubException bodyTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTimeoutException late) {
                return new HubException(ErrorCode.REQUEST_TIMEOUT, late.getMessage());
            }
        }
        return new HubException(ErrorCode.REQUEST_TIMEOUT, "the request body stopped arriving");
    }

    private static ResponseEntity<Problem> problem(HubException e, HttpServletRequest request) {
        ExchangeContext context = (ExchangeContext) request.getAttribute(ExchangeContext.ATTRIBUTE);
        String transactionId = null;
        if (context != null) {
            context.failed(e);
            transactionId = context.transactionId();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.valueOf(e.code().status()));
        if (e instanceof RetryLater later) {
            answer.header("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
        return answer
                .contentType(MediaType.parseMediaType(ErrorResponses.PROBLEM_JSON))
                .body(Problem.of(e, transactionId));
    }
}
