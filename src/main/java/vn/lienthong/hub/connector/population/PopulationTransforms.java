package vn.lienthong.hub.connector.population;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.CallContext;
import vn.lienthong.hub.exchange.HubException;
import vn.lienthong.hub.model.Address;
import vn.lienthong.hub.model.Citizen;
import vn.lienthong.hub.model.CitizenLookupRequest;
import vn.lienthong.hub.model.Names;
import vn.lienthong.hub.model.PersonName;
import vn.lienthong.hub.model.RelatedPerson;
import vn.lienthong.hub.reference.CodeLists;

/**
 * The population connector's transforms (named in {@code connectors/population/population-lookup-action.kamelet.yaml}):
 * the canonical lookup to the national request, and the national answer {@code {error_code, message}} with its
 * {@code CongdanCollection/CongDan} XML to the canonical {@link Citizen}. National field names stay in this class.
 */
@Component("populationTransforms")
public class PopulationTransforms {

    /** Exchange property the descriptor fills with its {@code integrationCode} (MaTichHop). */
    public static final String INTEGRATION_CODE = "populationIntegrationCode";
    private static final DateTimeFormatter NATIONAL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /**
     * One secure parser per thread, made once: {@code DocumentBuilderFactory.newInstance()} per answer scanned the
     * class path (ServiceLoader) on every lookup. Builders are not thread-safe, hence one per thread, reset after use.
     */
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(PopulationTransforms::secureParser);

    private final ObjectMapper json;
    private final CodeLists codeLists;

    public PopulationTransforms(ObjectMapper json, CodeLists codeLists) {
        this.json = json;
        this.codeLists = codeLists;
    }

    /** Canonical request to the national lookup body; officer, purpose and request id come from the exchange context. */
    public String toNationalRequest(Exchange exchange) throws JsonProcessingException, InvalidPayloadException {
        CitizenLookupRequest request = exchange.getMessage().getMandatoryBody(CitizenLookupRequest.class);
        ObjectNode body = json.createObjectNode();
        CallContext call = CallContext.of(exchange);
        body.put("MaYeuCau", call.transactionId());
        body.put("MaDVC", call.purpose());
        body.put("MaTichHop", exchange.getProperty(INTEGRATION_CODE, String.class));
        body.put("MaCanBo", call.userId());
        body.put("HoVaTen", request.fullName());
        body.put("SoDinhDanh", request.personalId());
        body.put("SoCMND", "");
        body.put("NgayThangNam", request.dateOfBirth().format(NATIONAL_DATE));
        body.put("Nam", String.valueOf(request.dateOfBirth().getYear()));
        exchange.setProperty(CitizenLookupRequest.class.getName(), request);
        return json.writeValueAsString(body);
    }

    /**
     * National answer to the canonical citizen. A record that does not match the number, name and date of birth asked
     * for is treated as no record: the lookup is a verification, whatever the source returned.
     *
     * @throws HubException NOT_FOUND, NATIONAL_SYSTEM_ERROR or NATIONAL_MALFORMED_ANSWER
     */
    public Citizen toCitizen(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status != 200) {
            throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the population database answered HTTP " + status);
        }
        CitizenLookupRequest asked = exchange.getProperty(CitizenLookupRequest.class.getName(), CitizenLookupRequest.class);
        JsonNode answer;
        try {
            answer = json.readTree(exchange.getMessage().getBody(byte[].class));
        } catch (Exception e) {
            throw malformed("the answer is not JSON", e);
        }
        if (answer == null || !answer.hasNonNull("error_code") || !answer.has("message")) {
            throw malformed("the answer lacks error_code or message", null);
        }
        String errorCode = answer.get("error_code").asText();
        if (!errorCode.equals("0") && !errorCode.equals("00")) {
            throw new HubException(ErrorCode.NATIONAL_SYSTEM_ERROR, "the population database answered error_code "
                    + errorCode + ": " + answer.get("message").asText());
        }
        List<Element> records = congDan(answer.get("message").asText());
        return records.stream().map(this::citizen)
                .filter(c -> matches(c, asked))
                .findFirst()
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                        "no citizen matches this personal id, name and date of birth"));
    }

    private static boolean matches(Citizen found, CitizenLookupRequest asked) {
        return asked == null || (asked.personalId().equals(found.personalId())
                && asked.fullName().equalsIgnoreCase(found.fullName())
                && asked.dateOfBirth().equals(found.dateOfBirth()));
    }

    private List<Element> congDan(String xml) {
        Document document;
        DocumentBuilder builder = PARSER.get();
        try {
            document = builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw malformed("message is not well-formed XML", e);
        } finally {
            builder.reset();
        }
        if (document.getElementsByTagNameNS("*", "CongdanCollection").getLength() == 0) {
            throw malformed("message holds no CongdanCollection", null);
        }
        NodeList nodes = document.getElementsByTagNameNS("*", "CongDan");
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static DocumentBuilder secureParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }

    private Citizen citizen(Element e) {
        String personalId = text(e, "SoDinhDanh");
        if (personalId == null) {
            throw malformed("a CongDan has no SoDinhDanh", null);
        }
        Element nameElement = child(e, "HoVaTen");
        PersonName name = nameElement == null ? null
                : new PersonName(Names.normalize(text(nameElement, "Ho")), Names.normalize(orEmpty(text(nameElement, "ChuDem"))),
                        Names.normalize(text(nameElement, "Ten")));
        String fullName = name == null ? null : Names.normalize(String.join(" ",
                orEmpty(name.family()), orEmpty(name.middle()), orEmpty(name.given())));
        List<RelatedPerson> related = new ArrayList<>();
        for (String relation : List.of("Cha", "Me", "VoChong", "NguoiDaiDien", "ChuHo")) {
            Element person = child(e, relation);
            if (person != null) {
                related.add(new RelatedPerson(relationName(relation, text(person, "QuanHe")), Names.normalize(text(person, "HoVaTen")),
                        text(person, "SoDinhDanh"), text(person, "SoCMND"), text(person, "QuocTich")));
            }
        }
        return new Citizen(personalId, text(e, "SoCMND"), text(e, "MaSoThue"), fullName, name, birthDate(e),
                codeLists.gender(text(e, "GioiTinh")), codeLists.ethnicity(text(e, "DanToc")), text(e, "TonGiao"),
                codeLists.nationality(text(e, "QuocTich")), text(e, "TinhTrangHonNhan"), text(e, "NhomMau"),
                address(child(e, "NoiDangKyKhaiSinh")), address(child(e, "QueQuan")), address(child(e, "ThuongTru")),
                address(child(e, "NoiOHienTai")), text(e, "SoSoHoKhau"), List.copyOf(related));
    }

    private static String relationName(String element, String householdRelation) {
        return switch (element) {
            case "Cha" -> "FATHER";
            case "Me" -> "MOTHER";
            case "VoChong" -> "SPOUSE";
            case "NguoiDaiDien" -> "REPRESENTATIVE";
            default -> householdRelation == null ? "HEAD_OF_HOUSEHOLD" : "HEAD_OF_HOUSEHOLD (" + householdRelation + ")";
        };
    }

    private LocalDate birthDate(Element e) {
        Element birth = child(e, "NgayThangNamSinh");
        String date = birth == null ? null : text(birth, "NgayThangNam");
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date, NATIONAL_DATE);
        } catch (DateTimeParseException ex) {
            throw malformed("NgayThangNamSinh/NgayThangNam is not yyyyMMdd: " + date, ex);
        }
    }

    /** An address element either holds the DiaChi fields itself or wraps one DiaChi element. */
    private static Address address(Element element) {
        if (element == null) {
            return null;
        }
        Element a = child(element, "DiaChi") != null ? child(element, "DiaChi") : element;
        return new Address(text(a, "MaTinhThanh"), text(a, "TenTinhThanh"), text(a, "MaQuanHuyen"), text(a, "TenQuanHuyen"),
                text(a, "MaPhuongXa"), text(a, "TenPhuongXa"), text(a, "ChiTiet"), text(a, "QuocGia"), null);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && localName.equals(el.getLocalName())) {
                return el;
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        Element el = child(parent, localName);
        if (el == null) {
            return null;
        }
        String value = Names.normalize(el.getTextContent());
        return value == null || value.isEmpty() ? null : value;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static HubException malformed(String detail, Throwable cause) {
        return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "population database: " + detail, cause);
    }
}
