<?xml version="1.0" encoding="UTF-8"?>
<!--
  The population database's answer {error_code, message}, read as JSON (xslt-saxon useJsonBody: the envelope arrives as
  the XPath 3.1 json-to-xml form), whose message is an XML document holding CongdanCollection/CongDan, to
  {"error_code": "0", "citizens": [...]}: every CongDan as a canonical Citizen in JSON, every text NFC with white space
  folded. Codes of gender, ethnicity and nationality stay national codes here: the bean citizenVerification decodes
  them with the hub's code lists and keeps only the record that matches the question (connectors/population/README.md).
  Any other error_code gives {"error_code", "message"} without citizens; an answer this file cannot read stops it
  (502 NATIONAL_MALFORMED_ANSWER).
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:fn="http://www.w3.org/2005/xpath-functions"
                xmlns:p="urn:lienthong:population" exclude-result-prefixes="#all">
  <xsl:output method="text" encoding="UTF-8"/>

  <!-- a text field: NFC, white space trimmed and folded to single spaces; empty is absent (JSON null) -->
  <xsl:function name="p:text" as="xs:string?">
    <xsl:param name="node" as="item()*"/>
    <xsl:variable name="text" select="normalize-space(normalize-unicode(string-join($node ! string(.), ''), 'NFC'))"/>
    <xsl:sequence select="if ($text = '') then () else $text"/>
  </xsl:function>

  <!-- first child of that local name, in any namespace -->
  <xsl:function name="p:child" as="element()?">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$parent/*[local-name() = $name][1]"/>
  </xsl:function>

  <xsl:function name="p:field" as="xs:string?">
    <xsl:param name="parent" as="element()?"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="p:text(p:child($parent, $name))"/>
  </xsl:function>

  <!-- an address element holds the DiaChi fields itself or wraps one DiaChi -->
  <xsl:function name="p:address" as="map(*)?">
    <xsl:param name="element" as="element()?"/>
    <xsl:variable name="a" select="(p:child($element, 'DiaChi'), $element)[1]"/>
    <xsl:sequence select="if (empty($element)) then () else map {
      'provinceCode': p:field($a, 'MaTinhThanh'),
      'provinceName': p:field($a, 'TenTinhThanh'),
      'districtCode': p:field($a, 'MaQuanHuyen'),
      'districtName': p:field($a, 'TenQuanHuyen'),
      'communeCode': p:field($a, 'MaPhuongXa'),
      'communeName': p:field($a, 'TenPhuongXa'),
      'detail': p:field($a, 'ChiTiet'),
      'country': p:field($a, 'QuocGia')
    }"/>
  </xsl:function>

  <xsl:function name="p:related" as="map(*)?">
    <xsl:param name="person" as="element()?"/>
    <xsl:param name="relation" as="xs:string"/>
    <xsl:sequence select="if (empty($person)) then () else map {
      'relation': $relation,
      'fullName': p:field($person, 'HoVaTen'),
      'personalId': p:field($person, 'SoDinhDanh'),
      'oldIdNumber': p:field($person, 'SoCMND'),
      'nationality': p:field($person, 'QuocTich')
    }"/>
  </xsl:function>

  <xsl:function name="p:birthDate" as="xs:string?">
    <xsl:param name="congDan" as="element()"/>
    <xsl:variable name="date" select="p:field(p:child($congDan, 'NgayThangNamSinh'), 'NgayThangNam')"/>
    <xsl:variable name="iso" select="replace($date, '^(\d{4})(\d{2})(\d{2})$', '$1-$2-$3')"/>
    <xsl:if test="exists($date) and not($iso castable as xs:date)">
      <xsl:message terminate="yes">NgayThangNamSinh/NgayThangNam is not yyyyMMdd: <xsl:value-of select="$date"/></xsl:message>
    </xsl:if>
    <xsl:sequence select="$iso"/>
  </xsl:function>

  <xsl:function name="p:citizen" as="map(*)">
    <xsl:param name="c" as="element()"/>
    <xsl:variable name="name" select="p:child($c, 'HoVaTen')"/>
    <xsl:variable name="family" select="p:field($name, 'Ho')"/>
    <xsl:variable name="middle" select="(p:field($name, 'ChuDem'), '')[1]"/>
    <xsl:variable name="given" select="p:field($name, 'Ten')"/>
    <xsl:variable name="householdRelation" select="p:field(p:child($c, 'ChuHo'), 'QuanHe')"/>
    <xsl:if test="empty(p:field($c, 'SoDinhDanh'))">
      <xsl:message terminate="yes">a CongDan has no SoDinhDanh</xsl:message>
    </xsl:if>
    <xsl:sequence select="map {
      'personalId': p:field($c, 'SoDinhDanh'),
      'oldIdNumber': p:field($c, 'SoCMND'),
      'taxCode': p:field($c, 'MaSoThue'),
      'fullName': if (empty($name)) then () else normalize-space(string-join(($family, $middle, $given), ' ')),
      'name': if (empty($name)) then () else map {'family': $family, 'middle': $middle, 'given': $given},
      'dateOfBirth': p:birthDate($c),
      'gender': p:field($c, 'GioiTinh'),
      'ethnicity': p:field($c, 'DanToc'),
      'religion': p:field($c, 'TonGiao'),
      'nationality': p:field($c, 'QuocTich'),
      'maritalStatus': p:field($c, 'TinhTrangHonNhan'),
      'bloodType': p:field($c, 'NhomMau'),
      'birthRegistration': p:address(p:child($c, 'NoiDangKyKhaiSinh')),
      'homeTown': p:address(p:child($c, 'QueQuan')),
      'permanentAddress': p:address(p:child($c, 'ThuongTru')),
      'currentAddress': p:address(p:child($c, 'NoiOHienTai')),
      'householdBookNumber': p:field($c, 'SoSoHoKhau'),
      'relatedPeople': array {
        p:related(p:child($c, 'Cha'), 'FATHER'),
        p:related(p:child($c, 'Me'), 'MOTHER'),
        p:related(p:child($c, 'VoChong'), 'SPOUSE'),
        p:related(p:child($c, 'NguoiDaiDien'), 'REPRESENTATIVE'),
        p:related(p:child($c, 'ChuHo'), if (empty($householdRelation)) then 'HEAD_OF_HOUSEHOLD'
                                        else 'HEAD_OF_HOUSEHOLD (' || $householdRelation || ')')
      }
    }"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="errorCode" select="fn:map/*[@key = 'error_code'][not(self::fn:null)]"/>
    <xsl:variable name="message" select="fn:map/*[@key = 'message']"/>
    <xsl:if test="empty($errorCode) or empty($message)">
      <xsl:message terminate="yes">the answer lacks error_code or message</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="string($errorCode) = ('0', '00')">
        <!-- parse-xml: the hub's parser settings apply (no DOCTYPE, no external entities) -->
        <xsl:variable name="document" select="parse-xml(string($message))"/>
        <xsl:if test="empty($document//*[local-name() = 'CongdanCollection'])">
          <xsl:message terminate="yes">message holds no CongdanCollection</xsl:message>
        </xsl:if>
        <xsl:value-of select="serialize(map {
          'error_code': string($errorCode),
          'citizens': array { $document//*[local-name() = 'CongDan'] ! p:citizen(.) }
        }, map {'method': 'json'})"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="serialize(map {'error_code': string($errorCode), 'message': string($message)},
                                        map {'method': 'json'})"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
