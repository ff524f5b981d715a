package jp.foodtrace.sync.epcis;

/**
 * CBV 2.0 vocabulary values in one form. EPCIS 2.0 documents name a standard value as a bare
 * word ({@code shipping}), and older or converted data as a URN ({@code urn:epcglobal:cbv:bizstep:shipping})
 * or GS1 Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}); all three mean the same
 * thing, so the store and the query parameters compare the bare word. Custom values (any other
 * URI) stay as they are.
 */
public final class Cbv {

    /** A vocabulary: its URN prefix and its GS1 Web URI prefix. */
    public enum Vocabulary {
        BIZ_STEP("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-"),
        DISPOSITION("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-"),
        BIZ_TRANSACTION_TYPE("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-"),
        SOURCE_DEST_TYPE("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-"),
        ERROR_REASON("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-");

        final String urn;
        final String web;

        Vocabulary(String urn, String web) {
            this.urn = urn;
            this.web = web;
        }

        /** The GS1 Web URI of a bare word (for the event hash). */
        public String webUri(String value) {
            String bare = bare(this, value);
            return bare.contains(":") ? bare : web + bare;
        }
    }


    private Cbv() {
    }

    /** The bare word of a standard value in any of its forms; anything else unchanged; null stays null. */
    public static String bare(Vocabulary vocabulary, String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith(vocabulary.urn)) {
            return value.substring(vocabulary.urn.length());
        }
        if (value.startsWith(vocabulary.web)) {
            return value.substring(vocabulary.web.length());
        }
        return value;
    }
}
