package vn.lienthong.hub.reference;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.model.Address;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.NfcJson;
import vn.lienthong.hub.model.PersonName;
import vn.lienthong.hub.model.RelatedPerson;

/**
 * Attaches the administrative units in force since 2025-07-01 to every Vietnamese address that leaves the hub, next to
 * the pre-2025 codes the source gave. National systems still answer with three-level addresses for older records, so
 * a caller would otherwise have to translate them itself, and a split commune must never be resolved silently.
 */
@Component("addressTranslation")
public class AddressTranslation {

    private final AdministrativeUnitTranslator translator;
    private final ObjectMapper json = new ObjectMapper();

    public AddressTranslation(AdministrativeUnitTranslator translator) {
        this.translator = translator;
    }

    /**
     * A canonical JSON answer of a catalogue service with every address object translated: an object with
     * {@code provinceCode} and {@code communeCode} (such as a land parcel's address) gets {@code current}. Answers
     * without addresses come back unchanged.
     */
    public JsonNode json(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        if (answer.isObject()) {
            ObjectNode object = (ObjectNode) answer;
            if (object.path("communeCode").isTextual() && object.has("provinceCode") && !object.has("current")
                    && isVietnam(object.path("country").asText(null))) {
                object.set("current", json.valueToTree(translator.translate(object.path("provinceCode").asText(null),
                        object.path("districtCode").asText(null), object.path("communeCode").asText(null))));
            }
            // the units just attached are current ones: not translated again
            object.properties().forEach(e -> {
                if (!e.getKey().equals("current")) {
                    json(e.getValue());
                }
            });
        } else if (answer.isArray()) {
            answer.forEach(this::json);
        }
        return answer;
    }

    /**
     * The citizen with each of its addresses translated and its text in Unicode NFC (the population connector's XSLT
     * answer passes through here, the platform step after that connector).
     */
    public Citizen citizen(Citizen c) {
        PersonName name = c.name() == null ? null
                : new PersonName(nfc(c.name().family()), nfc(c.name().middle()), nfc(c.name().given()));
        java.util.List<RelatedPerson> related = c.relatedPeople() == null ? null : c.relatedPeople().stream()
                .map(p -> new RelatedPerson(p.relation(), nfc(p.fullName()), p.personalId(), p.oldIdNumber(),
                        nfc(p.nationality()))).toList();
        return new Citizen(c.personalId(), c.oldIdNumber(), c.taxCode(), nfc(c.fullName()), name, c.dateOfBirth(),
                c.gender(), c.ethnicity(), nfc(c.religion()), c.nationality(), nfc(c.maritalStatus()), c.bloodType(),
                address(c.birthRegistration()), address(c.homeTown()), address(c.permanentAddress()),
                address(c.currentAddress()), c.householdBookNumber(), related);
    }

    private static String nfc(String text) {
        return NfcJson.nfc(text);
    }

    /** No country, or Việt Nam by code or name. */
    static boolean isVietnam(String country) {
        if (country == null || country.isBlank()) {
            return true;
        }
        String c = java.text.Normalizer.normalize(country.strip(), java.text.Normalizer.Form.NFC);
        return c.equalsIgnoreCase("VN") || c.equalsIgnoreCase("Việt Nam") || c.equalsIgnoreCase("Viet Nam");
    }

    /** The address with its current units; foreign addresses are left as they are. */
    public Address address(Address address) {
        if (address == null) {
            return null;
        }
        Address text = new Address(address.provinceCode(), nfc(address.provinceName()), address.districtCode(),
                nfc(address.districtName()), address.communeCode(), nfc(address.communeName()), nfc(address.detail()),
                address.country(), address.current());
        if (address.country() != null && !address.country().equalsIgnoreCase("VN")) {
            return text;
        }
        return text.withCurrent(translator.translate(address.provinceCode(), address.districtCode(), address.communeCode()));
    }
}
