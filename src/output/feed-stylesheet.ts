/**
 * The XSL stylesheet the plugin writes by default (`feeds.stylesheet`) and names in every feed: a browser that
 * opens a feed shows it as a page, in Russian, with a note on how to subscribe and the list of entries, instead of
 * a raw XML tree. XSLT 1.0, the version browsers run; it reads only the feed's own elements, so it fits every feed
 * the plugin writes, whatever its language. Dates are written as the site writes them (`8 марта 2018`, from the
 * entry's own date, in the zone it was written in); the icon is the feed's `<icon>`, else the site's
 * `/favicon.ico` under its path. Browsers are dropping XSLT: a reader then sees the raw feed, which feed readers still take.
 */
export const FEED_STYLESHEET = `<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> — лента</title>
        <!-- The site path (blog/ of https://example.ru/blog/): the icon is asked of the host serving the feed. -->
        <xsl:variable name="path" select="substring-after(substring-after(atom:link[@rel='alternate']/@href, '://'), '/')"/>
        <xsl:choose>
          <xsl:when test="atom:icon"><link rel="icon" href="{atom:icon}"/></xsl:when>
          <xsl:when test="$path = '' or substring($path, string-length($path)) = '/'"><link rel="icon" href="/{$path}favicon.ico"/></xsl:when>
          <xsl:otherwise><link rel="icon" href="/{$path}/favicon.ico"/></xsl:otherwise>
        </xsl:choose>
        <style>
          :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
          body { max-width: 42rem; margin: 0 auto; padding: 1rem; }
          .subscribe { padding: 0.75rem 1rem; border: 1px solid #8888; border-radius: 0.5rem; }
          code { overflow-wrap: anywhere; }
          ol { padding: 0; list-style: none; }
          li { margin: 1.25rem 0; }
          time { display: block; font-size: 0.9em; }
        </style>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:subtitle"><p><xsl:value-of select="atom:subtitle"/></p></xsl:if>
        </header>
        <main>
          <section class="subscribe" aria-labelledby="subscribe">
            <h2 id="subscribe">Как подписаться</h2>
            <p>Это лента новых записей в формате Atom. Чтобы читать их в программе для чтения лент (Feedly, Inoreader,
              NetNewsWire, Thunderbird и другие), скопируйте в неё адрес этой страницы:
              <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
            <p><a href="{atom:link[@rel='alternate']/@href}">На сайт</a></p>
          </section>
          <h2>Записи</h2>
          <ol>
            <xsl:for-each select="atom:entry">
              <li>
                <a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a>
                <time datetime="{atom:published}"><xsl:call-template name="date"><xsl:with-param name="iso" select="atom:published"/></xsl:call-template></time>
                <xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
  <!-- 2018-03-08T10:00:00+03:00 → 8 марта 2018: the day, the month's name in the genitive, the year. -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:variable name="month" select="number(substring($iso, 6, 2))"/>
    <xsl:value-of select="number(substring($iso, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$month = 1">января</xsl:when>
      <xsl:when test="$month = 2">февраля</xsl:when>
      <xsl:when test="$month = 3">марта</xsl:when>
      <xsl:when test="$month = 4">апреля</xsl:when>
      <xsl:when test="$month = 5">мая</xsl:when>
      <xsl:when test="$month = 6">июня</xsl:when>
      <xsl:when test="$month = 7">июля</xsl:when>
      <xsl:when test="$month = 8">августа</xsl:when>
      <xsl:when test="$month = 9">сентября</xsl:when>
      <xsl:when test="$month = 10">октября</xsl:when>
      <xsl:when test="$month = 11">ноября</xsl:when>
      <xsl:otherwise>декабря</xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($iso, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
`;
