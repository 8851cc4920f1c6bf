<?xml version="1.0" encoding="UTF-8"?>
<!-- LayThongTinKhaiSinhResponse (SOAP) -> canonical BirthRegistration as JSON text; MaLoi other than 0 gives null (404). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:ht="http://hotich.moj.gov.vn/ws" exclude-result-prefixes="#all">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:function name="ht:text">
    <xsl:param name="node"/>
    <xsl:sequence select="if (normalize-space(string($node)) = '') then () else string($node)"/>
  </xsl:function>

  <xsl:function name="ht:parent">
    <xsl:param name="p"/>
    <xsl:sequence select="if (empty($p)) then () else map {
      'fullName': ht:text($p/ht:HoTen),
      'personalId': ht:text($p/ht:SoDinhDanh),
      'nationality': ht:text($p/ht:QuocTich)
    }"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="result" select="//ht:KetQua"/>
    <xsl:if test="empty($result)">
      <xsl:message terminate="yes">not a LayThongTinKhaiSinhResponse</xsl:message>
    </xsl:if>
    <xsl:variable name="ks" select="$result/ht:KhaiSinh"/>
    <xsl:choose>
      <xsl:when test="string($result/ht:MaLoi) = '0' and exists($ks)">
        <xsl:value-of select="serialize(map {
          'registrationNumber': ht:text($ks/ht:SoDangKy),
          'book': ht:text($ks/ht:QuyenSo),
          'registeredOn': ht:text($ks/ht:NgayDangKy),
          'registeredBy': ht:text($ks/ht:NoiDangKy),
          'child': map {
            'fullName': ht:text($ks/ht:HoTen),
            'personalId': ht:text($ks/ht:SoDinhDanh),
            'dateOfBirth': ht:text($ks/ht:NgaySinh),
            'gender': if ($ks/ht:GioiTinh = '1') then 'MALE' else if ($ks/ht:GioiTinh = '2') then 'FEMALE' else 'UNKNOWN',
            'placeOfBirth': ht:text($ks/ht:NoiSinh),
            'nationality': ht:text($ks/ht:QuocTich),
            'ethnicity': ht:text($ks/ht:DanToc)
          },
          'father': ht:parent($ks/ht:Cha),
          'mother': ht:parent($ks/ht:Me)
        }, map {'method': 'json'})"/>
      </xsl:when>
      <xsl:otherwise>null</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
