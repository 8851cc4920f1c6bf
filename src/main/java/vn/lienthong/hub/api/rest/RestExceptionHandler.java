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
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import vn.lienthong.hub.api.BodyTimeoutException;
import vn.lienthong.hub.api.ErrorResponses;
import vn.lienthong.hub.api.Problem;
import vn.lienthong.hub.api.StrictUtf8;
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
            if (t instanceof StrictUtf8.InvalidUtf8Exception) {
                return problem(new HubException(ErrorCode.MALFORMED_REQUEST, t.getMessage()), request);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return problem(new HubException(ErrorCode.INVALID_FIELD, fieldPath(mismatch) + ": must be "
                        + describe(mismatch.getTargetType())), request);
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

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Problem> parameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.INVALID_FIELD, e.getName() + ": must be " + describe(e.getRequiredType())),
                request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.INVALID_FIELD, e.getParameterName() + ": is required"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<Problem> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(new HubException(ErrorCode.INVALID_FIELD, e.getHeaderName() + ": is required"), request);
    }

    /** What a value must be, in the contract's words: callers never see the hub's Java types. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of the type the contract describes";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || java.math.BigInteger.class == type) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date-time";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object of the contract";
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
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
