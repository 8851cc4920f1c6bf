package vn.lienthong.hub.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Unicode NFC for JSON read at an edge of the hub (request bodies, connector answers): every text value and every field
 * name in NFC, so the same Vietnamese text typed on two keyboards, or sent by two national systems, compares equal.
 * Values are not trimmed (that is for names, {@link Names}). Nodes already in NFC are left as they are.
 */
public final class NfcJson {

    private NfcJson() {
    }

    /** The node with every text in NFC; changed in place for objects and arrays. */
    public static JsonNode nfc(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? node
                    : TextNode.valueOf(Normalizer.normalize(text, Normalizer.Form.NFC));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> e : entries) {
                String name = e.getKey();
                JsonNode value = nfc(e.getValue());
                if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
                    object.remove(name);
                    object.set(Normalizer.normalize(name, Normalizer.Form.NFC), value);
                } else if (value != e.getValue()) {
                    object.set(name, value);
                }
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = nfc(array.get(i));
                if (value != array.get(i)) {
                    array.set(i, value);
                }
            }
        }
        return node;
    }

    /** A text in NFC (not trimmed); {@code null} stays {@code null}. */
    public static String nfc(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
