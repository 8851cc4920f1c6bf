<?xml version="1.0" encoding="UTF-8"?>
<!--
  The message of the population database's answer {error_code, message}: an XML document holding
  CongdanCollection/CongDan (the Kamelet has read the JSON envelope and checked error_code), to {"citizens": [...]}:
  every CongDan as a canonical Citizen in JSON, every text NFC with white space folded. Codes of gender, ethnicity and
  nationality stay national codes here: the bean citizenVerification decodes them with the hub's code lists and keeps
  only the record that matches the question (connectors/population/README.md). A document this file cannot read stops
  it (502 NATIONAL_MALFORMED_ANSWER).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:p="urn:lienthong:population" exclude-result-prefixes="#all">
  <xsl:output method="text" encoding="UTF-8"/>

  <!-- a text field: NFC, white space trimmed and folded to single spaces; empty is absent (JSON null). Elements are
       matched by local name in any namespace (*:Name), as the database's answers vary in their namespaces. -->
  <xsl:function name="p:text" as="xs:string?">
    <xsl:param name="node" as="node()?"/>
    <xsl:variable name="text" select="normalize-space(normalize-unicode(string($node), 'NFC'))"/>
    <xsl:sequence select="if ($text = '') then () else $text"/>
  </xsl:function>

  <!-- an address element holds the DiaChi fields itself or wraps one DiaChi -->
  <xsl:function name="p:address" as="map(*)?">
    <xsl:param name="element" as="element()?"/>
    <xsl:variable name="a" select="($element/*:DiaChi[1], $element)[1]"/>
    <xsl:sequence select="if (empty($element)) then () else map {
      'provinceCode': p:text($a/*:MaTinhThanh[1]),
      'provinceName': p:text($a/*:TenTinhThanh[1]),
      'districtCode': p:text($a/*:MaQuanHuyen[1]),
      'districtName': p:text($a/*:TenQuanHuyen[1]),
      'communeCode': p:text($a/*:MaPhuongXa[1]),
      'communeName': p:text($a/*:TenPhuongXa[1]),
      'detail': p:text($a/*:ChiTiet[1]),
      'country': p:text($a/*:QuocGia[1])
    }"/>
  </xsl:function>

  <xsl:function name="p:related" as="map(*)?">
    <xsl:param name="person" as="element()?"/>
    <xsl:param name="relation" as="xs:string"/>
    <xsl:sequence select="if (empty($person)) then () else map {
      'relation': $relation,
      'fullName': p:text($person/*:HoVaTen[1]),
      'personalId': p:text($person/*:SoDinhDanh[1]),
      'oldIdNumber': p:text($person/*:SoCMND[1]),
      'nationality': p:text($person/*:QuocTich[1])
    }"/>
  </xsl:function>

  <xsl:function name="p:birthDate" as="xs:string?">
    <xsl:param name="congDan" as="element()"/>
    <xsl:variable name="date" select="p:text($congDan/*:NgayThangNamSinh[1]/*:NgayThangNam[1])"/>
    <xsl:variable name="iso" select="replace($date, '^(\d{4})(\d{2})(\d{2})$', '$1-$2-$3')"/>
    <xsl:if test="exists($date) and not($iso castable as xs:date)">
      <xsl:message terminate="yes">NgayThangNamSinh/NgayThangNam is not yyyyMMdd: <xsl:value-of select="$date"/></xsl:message>
    </xsl:if>
    <xsl:sequence select="$iso"/>
  </xsl:function>

  <xsl:function name="p:citizen" as="map(*)">
    <xsl:param name="c" as="element()"/>
    <xsl:variable name="name" select="$c/*:HoVaTen[1]"/>
    <xsl:variable name="family" select="p:text($name/*:Ho[1])"/>
    <xsl:variable name="middle" select="(p:text($name/*:ChuDem[1]), '')[1]"/>
    <xsl:variable name="given" select="p:text($name/*:Ten[1])"/>
    <xsl:variable name="householdRelation" select="p:text($c/*:ChuHo[1]/*:QuanHe[1])"/>
    <xsl:if test="empty(p:text($c/*:SoDinhDanh[1]))">
      <xsl:message terminate="yes">a CongDan has no SoDinhDanh</xsl:message>
    </xsl:if>
    <xsl:sequence select="map {
      'personalId': p:text($c/*:SoDinhDanh[1]),
      'oldIdNumber': p:text($c/*:SoCMND[1]),
      'taxCode': p:text($c/*:MaSoThue[1]),
      'fullName': if (empty($name)) then () else normalize-space(string-join(($family, $middle, $given), ' ')),
      'name': if (empty($name)) then () else map {'family': $family, 'middle': $middle, 'given': $given},
      'dateOfBirth': p:birthDate($c),
      'gender': p:text($c/*:GioiTinh[1]),
      'ethnicity': p:text($c/*:DanToc[1]),
      'religion': p:text($c/*:TonGiao[1]),
      'nationality': p:text($c/*:QuocTich[1]),
      'maritalStatus': p:text($c/*:TinhTrangHonNhan[1]),
      'bloodType': p:text($c/*:NhomMau[1]),
      'birthRegistration': p:address($c/*:NoiDangKyKhaiSinh[1]),
      'homeTown': p:address($c/*:QueQuan[1]),
      'permanentAddress': p:address($c/*:ThuongTru[1]),
      'currentAddress': p:address($c/*:NoiOHienTai[1]),
      'householdBookNumber': p:text($c/*:SoSoHoKhau[1]),
      'relatedPeople': array {
        p:related($c/*:Cha[1], 'FATHER'),
        p:related($c/*:Me[1], 'MOTHER'),
        p:related($c/*:VoChong[1], 'SPOUSE'),
        p:related($c/*:NguoiDaiDien[1], 'REPRESENTATIVE'),
        p:related($c/*:ChuHo[1], if (empty($householdRelation)) then 'HEAD_OF_HOUSEHOLD'
                                        else 'HEAD_OF_HOUSEHOLD (' || $householdRelation || ')')
      }
    }"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:if test="empty(//*:CongdanCollection)">
      <xsl:message terminate="yes">message holds no CongdanCollection</xsl:message>
    </xsl:if>
    <xsl:value-of select="serialize(map {'citizens': array { //*:CongDan ! p:citizen(.) }},
                                    map {'method': 'json'})"/>
  </xsl:template>
</xsl:stylesheet>
