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
 * after {@code transforms/citizen.xsl} has mapped the national answer to canonical JSON: decodes gender, ethnicity and
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
     * The matching citizen of the transform's output {@code {error_code, citizens[]}}.
     *
     * @throws HubException NOT_FOUND (no record matches), NATIONAL_SYSTEM_ERROR (the database refused) or
     *                      NATIONAL_MALFORMED_ANSWER (the output cannot be typed)
     */
    public Citizen verified(Exchange exchange) {
        CitizenLookupRequest asked = exchange.getProperty(ASKED, CitizenLookupRequest.class);
        JsonNode answer;
        try {
            answer = json.readTree(exchange.getMessage().getBody(String.class));
        } catch (IOException | IllegalArgumentException e) {
            throw malformed("the transform's output is not JSON", e);
        }
        String errorCode = answer == null ? null : answer.path("error_code").asText(null);
        if (errorCode == null) {
            throw malformed("the transform's output lacks error_code", null);
        }
        if (!errorCode.equals("0") && !errorCode.equals("00")) {
            throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the population database answered error_code "
                    + errorCode + ": " + answer.path("message").asText());
        }
        for (JsonNode record : answer.path("citizens")) {
            Citizen citizen = citizen(record);
            if (matches(citizen, asked)) {
                return citizen;
            }
        }
        throw new HubException(ErrorCode.NOT_FOUND, "no citizen matches this personal id, name and date of birth");
    }

    private Citizen citizen(JsonNode record) {
        ObjectNode typed = record.deepCopy();
        typed.set("gender", json.valueToTree(codeLists.gender(record.path("gender").asText(null))));
        typed.set("ethnicity", json.valueToTree(codeLists.ethnicity(record.path("ethnicity").asText(null))));
        typed.set("nationality", json.valueToTree(codeLists.nationality(record.path("nationality").asText(null))));
        try {
            return json.treeToValue(typed, Citizen.class);
        } catch (IOException | IllegalArgumentException e) {
            throw malformed("a CongDan does not fit the canonical citizen", e);
        }
    }

    private static boolean matches(Citizen found, CitizenLookupRequest asked) {
        return asked == null || (asked.personalId().equals(found.personalId())
                && asked.fullName().equalsIgnoreCase(found.fullName())
                && asked.dateOfBirth().equals(found.dateOfBirth()));
    }

    private static HubException malformed(String detail, Throwable cause) {
        return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "population database: " + detail, cause);
    }
}
