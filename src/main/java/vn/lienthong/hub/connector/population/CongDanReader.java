package vn.lienthong.hub.connector.population;

import java.io.StringReader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.hub.exchange.ErrorCode;
import vn.lienthong.hub.exchange.HubException;

/**
 * Step of the population connector (named in {@code connectors/population/population-lookup-action.kamelet.yaml}):
 * reads the XML document the database's answer carries in its {@code message} ({@code CongdanCollection/CongDan}, inside
 * a SOAP envelope or not) into {@code {"citizens": [...]}}, each {@code CongDan} as a canonical citizen in JSON with the
 * national gender, ethnicity and nationality codes (the bean {@code citizenVerification} decodes them). The field map is
 * {@code connectors/population/transforms/README.md}.
 *
 * <p>Rules, as the national format has them: elements are matched by local name in any namespace, the first of a name
 * counts; every text is NFC with white space trimmed and folded to single spaces, and an empty text is absent. A document
 * that is not well-formed, declares a DOCTYPE (no DTD or external entity is ever read), holds no
 * {@code CongdanCollection}, or has a {@code CongDan} without {@code SoDinhDanh} or with a birth date not
 * {@code yyyyMMdd} is refused as a malformed answer (502 {@code NATIONAL_MALFORMED_ANSWER}).
 *
 * <p>This is Java and not a stylesheet because of speed (measured in {@code docs/performance.md}): the same mapping in
 * XSLT 3 (Saxon-HE) cost about a fifth of the hub's CPU per lookup and needed some 20,000 answers before it ran at its
 * steady cost, which made the lookup slower than the release before it. One pass of the JDK's StAX parser over the
 * document does the same work at a small fraction of that cost.
 */
@Component("congDanReader")
public class CongDanReader {

    private static final Pattern YYYYMMDD = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final XMLInputFactory factory;

    public CongDanReader() {
        // the JDK's own parser, configured once: no DTD, no external entities, text in one piece
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    /**
     * The citizens of the answer's {@code message}.
     *
     * @throws HubException NATIONAL_MALFORMED_ANSWER when the document cannot be read as described above
     */
    public ObjectNode citizens(String message) {
        if (message == null) {
            throw malformed("the answer has no message", null);
        }
        boolean collection = false;
        ArrayNode citizens = NODES.arrayNode();
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new StringReader(message));
            while (xml.hasNext()) {
                int event = xml.next();
                refuseDeclarations(event);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("CongdanCollection".equals(name)) {
                        collection = true;
                    } else if ("CongDan".equals(name)) {
                        citizens.add(citizen(element(xml)));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed("the message is not well-formed XML", e);
        } finally {
            close(xml);
        }
        if (!collection) {
            throw malformed("the message holds no CongdanCollection", null);
        }
        ObjectNode answer = NODES.objectNode();
        answer.set("citizens", citizens);
        return answer;
    }

    private static ObjectNode citizen(Element c) {
        String personalId = text(c.child("SoDinhDanh"));
        if (personalId == null) {
            throw malformed("a CongDan has no SoDinhDanh", null);
        }
        ObjectNode citizen = NODES.objectNode();
        citizen.put("personalId", personalId);
        citizen.put("oldIdNumber", text(c.child("SoCMND")));
        citizen.put("taxCode", text(c.child("MaSoThue")));
        Element name = c.child("HoVaTen");
        if (name == null) {
            citizen.putNull("fullName");
            citizen.putNull("name");
        } else {
            String family = text(name.child("Ho"));
            String middle = text(name.child("ChuDem"));
            String given = text(name.child("Ten"));
            citizen.put("fullName", join(family, middle, given));
            ObjectNode parts = citizen.putObject("name");
            parts.put("family", family);
            parts.put("middle", middle == null ? "" : middle);
            parts.put("given", given);
        }
        citizen.put("dateOfBirth", birthDate(c));
        citizen.put("gender", text(c.child("GioiTinh")));
        citizen.put("ethnicity", text(c.child("DanToc")));
        citizen.put("religion", text(c.child("TonGiao")));
        citizen.put("nationality", text(c.child("QuocTich")));
        citizen.put("maritalStatus", text(c.child("TinhTrangHonNhan")));
        citizen.put("bloodType", text(c.child("NhomMau")));
        citizen.set("birthRegistration", address(c.child("NoiDangKyKhaiSinh")));
        citizen.set("homeTown", address(c.child("QueQuan")));
        citizen.set("permanentAddress", address(c.child("ThuongTru")));
        citizen.set("currentAddress", address(c.child("NoiOHienTai")));
        citizen.put("householdBookNumber", text(c.child("SoSoHoKhau")));
        ArrayNode related = citizen.putArray("relatedPeople");
        related(related, c.child("Cha"), "FATHER");
        related(related, c.child("Me"), "MOTHER");
        related(related, c.child("VoChong"), "SPOUSE");
        related(related, c.child("NguoiDaiDien"), "REPRESENTATIVE");
        Element head = c.child("ChuHo");
        String relation = head == null ? null : text(head.child("QuanHe"));
        related(related, head, relation == null ? "HEAD_OF_HOUSEHOLD" : "HEAD_OF_HOUSEHOLD (" + relation + ")");
        return citizen;
    }

    /** An address element holds the DiaChi fields itself or wraps one DiaChi. */
    private static ObjectNode address(Element element) {
        if (element == null) {
            return null;
        }
        Element wrapped = element.child("DiaChi");
        Element a = wrapped == null ? element : wrapped;
        ObjectNode address = NODES.objectNode();
        address.put("provinceCode", text(a.child("MaTinhThanh")));
        address.put("provinceName", text(a.child("TenTinhThanh")));
        address.put("districtCode", text(a.child("MaQuanHuyen")));
        address.put("districtName", text(a.child("TenQuanHuyen")));
        address.put("communeCode", text(a.child("MaPhuongXa")));
        address.put("communeName", text(a.child("TenPhuongXa")));
        address.put("detail", text(a.child("ChiTiet")));
        address.put("country", text(a.child("QuocGia")));
        return address;
    }

    private static void related(ArrayNode related, Element person, String relation) {
        if (person == null) {
            return;
        }
        ObjectNode one = related.addObject();
        one.put("relation", relation);
        one.put("fullName", text(person.child("HoVaTen")));
        one.put("personalId", text(person.child("SoDinhDanh")));
        one.put("oldIdNumber", text(person.child("SoCMND")));
        one.put("nationality", text(person.child("QuocTich")));
    }

    private static String birthDate(Element c) {
        Element birth = c.child("NgayThangNamSinh");
        String date = birth == null ? null : text(birth.child("NgayThangNam"));
        if (date == null) {
            return null;
        }
        Matcher digits = YYYYMMDD.matcher(date);
        try {
            if (digits.matches()) {
                String iso = digits.group(1) + "-" + digits.group(2) + "-" + digits.group(3);
                LocalDate.parse(iso);
                return iso;
            }
        } catch (DateTimeParseException e) {
            // not a calendar date: refused below
        }
        throw malformed("NgayThangNamSinh/NgayThangNam is not yyyyMMdd: " + date, null);
    }

    /** The parts that exist, joined by single spaces; absent parts leave no gap. */
    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                joined.append(part);
            }
        }
        return joined.toString();
    }

    /** The element's text (all its descendants' text), NFC, white space trimmed and folded; empty is absent. */
    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        StringBuilder all = new StringBuilder();
        element.appendText(all);
        String nfc = Normalizer.normalize(all, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char ch = nfc.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                space = folded.length() > 0;
            } else {
                if (space) {
                    folded.append(' ');
                    space = false;
                }
                folded.append(ch);
            }
        }
        return folded.length() == 0 ? null : folded.toString();
    }

    /** The element the reader stands on, with everything inside it; the reader is left on its end tag. */
    private static Element element(XMLStreamReader xml) throws XMLStreamException {
        Element root = new Element(xml.getLocalName(), null);
        Element current = root;
        while (current != null) {
            int event = xml.next();
            refuseDeclarations(event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element child = new Element(xml.getLocalName(), current);
                    current.content.add(child);
                    current = child;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        current.content.add(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> current = current.parent;
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
        return root;
    }

    private static void refuseDeclarations(int event) throws XMLStreamException {
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                || event == XMLStreamConstants.ENTITY_DECLARATION) {
            throw new XMLStreamException("a DOCTYPE or entity reference is not allowed");
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing held but the string
            }
        }
    }

    private static HubException malformed(String detail, Throwable cause) {
        return new HubException(ErrorCode.NATIONAL_MALFORMED_ANSWER, "population database: " + detail, cause);
    }

    /** An element of a CongDan: its local name and its content in document order (text and child elements). */
    private static final class Element {
        final String name;
        final Element parent;
        final List<Object> content = new ArrayList<>(4);

        Element(String name, Element parent) {
            this.name = name;
            this.parent = parent;
        }

        /** The first child element of that local name, or null. */
        Element child(String local) {
            for (Object item : content) {
                if (item instanceof Element e && e.name.equals(local)) {
                    return e;
                }
            }
            return null;
        }

        void appendText(StringBuilder into) {
            for (Object item : content) {
                if (item instanceof String s) {
                    into.append(s);
                } else {
                    ((Element) item).appendText(into);
                }
            }
        }
    }
}
