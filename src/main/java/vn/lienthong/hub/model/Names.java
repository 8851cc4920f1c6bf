package vn.lienthong.hub.model;

import java.text.Normalizer;

/**
 * Vietnamese names are data: the same name typed on two keyboards may arrive composed (NFC) or decomposed (NFD).
 * The hub normalises every name at its edge so matching and logging see one form.
 */
public final class Names {

    private Names() {
    }

    /** NFC form with surrounding white space removed and inner runs of white space folded to one space. */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }
}
