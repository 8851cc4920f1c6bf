<?xml version="1.0" encoding="UTF-8"?>
<!-- Canonical input {personalId, taxYear?, parcelRef?} -> the SOAP request TraCuuThongBaoThueDat.
     Every top-level input field arrives as an xsl:param of the same name (an exchange property); an absent optional
     input is the empty sequence, and its element is left out: the tax system refuses an empty NamTinhThue (xs:int).
     Values are written as text nodes, so '&', '<' and quotes are escaped by the serializer, never by hand. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:param name="personalId" as="xs:string"/>
  <xsl:param name="taxYear" as="xs:string?" select="()"/>
  <xsl:param name="parcelRef" as="xs:string?" select="()"/>
  <xsl:param name="transactionId" as="xs:string"/>
  <xsl:param name="requesterCode" as="xs:string"/>

  <xsl:template match="/">
    <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:td="http://thuedat.gdt.gov.vn/ws">
      <soapenv:Body>
        <td:TraCuuThongBaoThueDat>
          <td:MaYeuCau><xsl:value-of select="$transactionId"/></td:MaYeuCau>
          <td:MaDonViYeuCau><xsl:value-of select="$requesterCode"/></td:MaDonViYeuCau>
          <td:SoDinhDanh><xsl:value-of select="$personalId"/></td:SoDinhDanh>
          <xsl:if test="exists($taxYear)">
            <td:NamTinhThue><xsl:value-of select="$taxYear"/></td:NamTinhThue>
          </xsl:if>
          <xsl:if test="exists($parcelRef)">
            <td:ThuaDat><xsl:value-of select="$parcelRef"/></td:ThuaDat>
          </xsl:if>
        </td:TraCuuThongBaoThueDat>
      </soapenv:Body>
    </soapenv:Envelope>
  </xsl:template>
</xsl:stylesheet>
