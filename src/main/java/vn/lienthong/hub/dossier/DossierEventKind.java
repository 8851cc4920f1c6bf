package vn.lienthong.hub.dossier;

/** What an event asks the national portal to do. */
public enum DossierEventKind {
    /** Create or update the dossier ({@code DongBoHoSoMC}). */
    DOSSIER("DongBoHoSoMC"),
    /** Add a processing step ({@code CapNhatTienDoHoSoMC}). */
    PROGRESS("CapNhatTienDoHoSoMC");

    private final String portalService;

    DossierEventKind(String portalService) {
        this.portalService = portalService;
    }

    public String portalService() {
        return portalService;
    }
}
