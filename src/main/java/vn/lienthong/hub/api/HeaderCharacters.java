package vn.lienthong.hub.api;

/**
 * The characters the firewall allows in a header: assigned Unicode characters that are not control characters, and in
 * a value the tab as well. The same rule as Spring Security's {@code StrictHttpFirewall} patterns
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, with {@code ||\t} for values), checked without a regular expression.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (tab && codePoint == '\t') {
                continue;
            }
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
        }
        return true;
    }
}
