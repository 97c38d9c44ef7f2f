<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an RSS 2.0 or Atom 1.0 feed of the site as a readable page when opened in a browser.
  Text only: every value is written with xsl:value-of (escaped); no record text becomes markup.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/>（订阅）</title>
        <link rel="stylesheet" href="/feeds/feed.css"/>
      </head>
      <body>
        <main id="main">
          <p class="feed-note">这是一个订阅源（<xsl:choose><xsl:when test="/rss">RSS 2.0</xsl:when><xsl:otherwise>Atom 1.0</xsl:otherwise></xsl:choose>）。把本页地址复制到 RSS 或 Atom 阅读器中即可订阅。<a href="/feeds/">全部订阅</a> · <a href="/">返回首页</a></p>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
          <ol class="feed-entries">
            <xsl:for-each select="/rss/channel/item">
              <li>
                <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
                <!-- pubDate is midnight in China, e.g. "Wed, 20 May 2026 00:00:00 +0800": shown as 2026-05-20 -->
                <xsl:variable name="d" select="normalize-space(pubDate)"/>
                <xsl:variable name="month" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring($d, 9, 3))) div 3 + 1"/>
                <p class="feed-date">公开日期：<xsl:value-of select="concat(substring($d, 13, 4), '-', format-number($month, '00'), '-', substring($d, 6, 2))"/></p>
              </li>
            </xsl:for-each>
            <xsl:for-each select="/atom:feed/atom:entry">
              <li>
                <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
                <p class="feed-date">公开日期：<xsl:value-of select="substring(atom:published, 1, 10)"/></p>
                <p class="feed-summary"><xsl:value-of select="atom:summary"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
