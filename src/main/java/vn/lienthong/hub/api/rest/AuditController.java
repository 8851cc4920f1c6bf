package vn.lienthong.hub.api.rest;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.lienthong.hub.api.HubServices;
import vn.lienthong.hub.audit.MessageLog;
import vn.lienthong.hub.audit.MessageLogRecord;
import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.ExchangeContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.exchange.ServiceGateway;

/** The message log for auditors and inspectors; every other client gets 403, and each query is itself logged. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private final ServiceGateway gateway;
    private final MessageLog messageLog;

    public AuditController(ServiceGateway gateway, MessageLog messageLog) {
        this.gateway = gateway;
        this.messageLog = messageLog;
    }

    /** The records of one transaction. */
    @GetMapping("/records")
    public RecordPage records(@RequestParam(required = false) String transactionId, HttpServletRequest request) {
        gateway.authorize(ExchangeContext.of(request), HubServices.AUDIT_READ);
        if (transactionId == null || transactionId.isBlank()) {
            throw new HubException(ErrorCode.INVALID_FIELD, "transactionId is required");
        }
        return new RecordPage(messageLog.findByTransaction(transactionId.strip()));
    }

    /** A page of message-log records. */
    public record RecordPage(List<MessageLogRecord> records) {
    }
}
