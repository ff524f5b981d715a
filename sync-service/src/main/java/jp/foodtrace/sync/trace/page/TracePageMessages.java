package jp.foodtrace.sync.trace.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The member trace page's words, Japanese by default (members are in Japan); the English ones are
 * in {@code messages/trace_en.properties}. Used in the template as {@code {trace:title}}.
 */
@MessageBundle(value = "trace", locale = "ja")
public interface TracePageMessages {

    @Message("製品トレース")
    String title();

    @Message("ロット番号を入力するか、GS1 コード (01)…(10)… または GS1 Digital Link を読み取ってください。")
    String hint();

    @Message("ロット番号または GS1 コード")
    String inputLabel();

    @Message("調べる")
    String submit();

    @Message("English")
    String otherLanguage();

    @Message("ロット {lot}")
    String lotHeading(String lot);

    @Message("品目")
    String item();

    @Message("製造工場")
    String plant();

    @Message("製造日時")
    String producedAt();

    @Message("原料ロット (どこから来たか)")
    String cameFrom();

    @Message("原料ロットの記録はありません。")
    String noInputs();

    @Message("出荷 (どこへ行ったか)")
    String wentTo();

    @Message("出荷の記録はありません。")
    String noShipments();

    @Message("このロットから作られたロット")
    String madeInto();

    @Message("店舗")
    String store();

    @Message("出荷日時")
    String shippedAt();

    @Message("出荷番号")
    String shipment();

    @Message("数量")
    String quantity();

    @Message("ロット")
    String lot();

    @Message("段")
    String depth();

    @Message("届いた店舗: {count} 店")
    String storesReached(int count);

    @Message("記録が深いため、途中までを表示しています。")
    String truncated();

    @Message("HQ から届いていないロット (原料としてのみ記録)")
    String unknownLot();

    @Message("ロット {lot} は見つかりません。")
    String notFound(String lot);

    @Message("ロット {lot} は GTIN {gtin} の製品のものではありません (品目 {item})。")
    String otherProduct(String lot, String gtin, String item);

    @Message("ロット番号を入力してください。")
    String errorEmpty();

    @Message("ロット番号は 64 文字以内の印字可能な文字です。")
    String errorLot();

    @Message("GTIN のチェックデジットが正しくありません。")
    String errorGtin();

    @Message("GS1 コードにロット (AI 10) がありません。")
    String errorNoLot();

    @Message("GS1 Digital Link には /01/<GTIN>/10/<ロット> が必要です。")
    String errorLink();

    @Message("時刻は日本時間です。")
    String timeNote();
}
