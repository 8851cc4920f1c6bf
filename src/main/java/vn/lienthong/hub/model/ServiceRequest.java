package vn.lienthong.hub.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated request to a catalogue service: the JSON body that passed the service's input schema and identifier
 * rules, and the data subject it names (personal id or enterprise code), whose keyed hash goes to the message log.
 *
 * @param serviceCode the catalogue service called
 * @param input       the request body, already validated
 * @param subjectId   the personal id or enterprise code the request is about, or null when it names none
 */
public record ServiceRequest(String serviceCode, JsonNode input, String subjectId) implements SubjectBound {
}
