package vn.lienthong.hub.connector.population;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.reference.CodeLists;

/**
 * Last step of the population connector (named in {@code connectors/population/population-lookup-action.kamelet.yaml}),
 * after {@link CongDanReader} has read the national answer into canonical JSON: decodes gender, ethnicity and
 * nationality with the hub's code lists, types the record as the {@link Citizen} the REST and SOAP surfaces share, and
 * keeps it only if it is the person asked for. The lookup is a verification: a record whose number, name or date of
 * birth differs from the question is answered as no record, whatever the source returned.
 */
@Component("citizenVerification")
public class CitizenVerification {

    /** Exchange property holding the {@link CitizenLookupRequest} the Kamelet was given (the question). */
    public static final String ASKED = "populationAsked";

    private final ObjectMapper json;
    private final CodeLists codeLists;

    public CitizenVerification(ObjectMapper json, CodeLists codeLists) {
        this.json = json;
        this.codeLists = codeLists;
    }

    /**
     * The matching citizen of the reader's output {@code {citizens[]}} (the Kamelet has already refused any
     * {@code error_code} but 0).
     *
     * @throws HubException NOT_FOUND (no record matches) or NATIONAL_MALFORMED_ANSWER (the output cannot be typed)
     */
    public Citizen verified(Exchange exchange) {
        CitizenLookupRequest asked = exchange.getProperty(ASKED, CitizenLookupRequest.class);
        JsonNode answer = exchange.getMessage().getBody() instanceof JsonNode read ? read : null;
        if (answer == null || !answer.path("citizens").isArray()) {
            throw malformed("the reader's output lacks citizens", null);
        }
        for (JsonNode record : answer.path("citizens")) {
            if (record instanceof ObjectNode fields) {
                Citizen citizen = citizen(fields);
                if (matches(citizen, asked)) {
                    return citizen;
                }
            }
        }
        throw new HubException(ErrorCode.NOT_FOUND, "no citizen matches this personal id, name and date of birth");
    }

    private Citizen citizen(ObjectNode record) {
        record.set("gender", json.valueToTree(codeLists.gender(record.path("gender").asText(null))));
        record.set("ethnicity", json.valueToTree(codeLists.ethnicity(record.path("ethnicity").asText(null))));
        record.set("nationality", json.valueToTree(codeLists.nationality(record.path("nationality").asText(null))));
        try {
            return json.treeToValue(record, Citizen.class);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed("a CongDan does not fit the canonical citizen", e);
        }
    }

    private static boolean matches(Citizen found, CitizenLookupRequest asked) {
        return asked == null || ((asked.personalId().equals(found.personalId())
                || asked.personalId().length() == 9 && asked.personalId().equals(found.oldIdNumber()))
                // the request's name is NFC (edge); the answer's may come decomposed from the national system
                && asked.fullName().equalsIgnoreCase(vn.lienthong.hub.model.Names.normalize(found.fullName()))
                && asked.dateOfBirth().equals(found.dateOfBirth()));
    }

    private static HubException malformed(String detail, Throwable cause) {
        return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "population database: " + detail, cause);
    }
}
