<?xml version="1.0" encoding="UTF-8"?>
<!-- TraCuuThongBaoThueDatResponse (MaLoi 0) -> canonical LandTaxNotices as JSON text. Other MaLoi values never reach
     this stylesheet: connector.yaml errors: (xpath rules) turns them into catalogue errors first. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:td="http://thuedat.gdt.gov.vn/ws" xmlns:xs="http://www.w3.org/2001/XMLSchema"
                exclude-result-prefixes="#all">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="result" select="//td:KetQua"/>
    <xsl:if test="empty($result/td:NguoiNopThue)">
      <xsl:message terminate="yes">not a TraCuuThongBaoThueDatResponse with NguoiNopThue</xsl:message>
    </xsl:if>
    <xsl:value-of select="serialize(map {
      'personalId': string($result/td:NguoiNopThue/td:SoDinhDanh),
      'taxpayerName': string($result/td:NguoiNopThue/td:HoTen),
      'notices': array { for $t in $result/td:DanhSachThongBao/td:ThongBao return map {
        'noticeNumber': string($t/td:SoThongBao),
        'taxYear': xs:integer($t/td:NamTinhThue),
        'parcelRef': string($t/td:ThuaDat),
        'address': string($t/td:DiaChi),
        'amountVnd': xs:integer($t/td:SoTienPhaiNop),
        'dueDate': string($t/td:HanNop),
        'paid': $t/td:TrangThai = 'DA_NOP'
      } }
    }, map {'method': 'json'})"/>
  </xsl:template>
</xsl:stylesheet>
