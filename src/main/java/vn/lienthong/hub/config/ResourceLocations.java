package vn.lienthong.hub.config;

/** Settings that name a folder ({@code classpath:connectors}, {@code file:/opt/hub/connectors}) turned into search patterns. */
public final class ResourceLocations {

    private ResourceLocations() {
    }

    /**
     * The pattern matching {@code suffix} under the folder. {@code classpath:} becomes {@code classpath*:}, so folders
     * inside a packaged jar and in every classpath entry are searched.
     *
     * @param suffix a relative pattern, e.g. {@code *}{@code /simulator/**}{@code /*.*}
     */
    public static String pattern(String location, String suffix) {
        String base = location.endsWith("/") ? location : location + "/";
        if (base.startsWith("classpath:")) {
            base = "classpath*:" + base.substring("classpath:".length());
        }
        return base + (suffix.startsWith("/") ? suffix.substring(1) : suffix);
    }
}
