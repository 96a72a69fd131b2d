"""A fifth held-out set for the people extractor, written blind in issue 26's fifth session by a
helper who never read the extractor's code, before the extractor was run on any of it (and while
another helper was fixing it against held-out 4).

Same shape as people_corpus.PAGES: (name, url, html, people, company). Each page sits in the
shell of the tool that made it: WordPress with Astra, GeneratePress, Avada (fusion-person) and
Enfold (avia team members), Weebly, Duda, HubSpot CMS, a hand-written site from 2008 with
tables and ``<font>``, and one-page sites; with their cookie banners (Complianz, Borlabs,
CookieYes, Cookiebot, Axeptio, HubSpot's), menus and footers. People come from team lists,
cards, tables, definition lists, appositions in prose, "Role: Name" lines of Impressums,
mentions légales, a colofon, note legali and an aviso legal, an "Ansprechpartner" table,
JSON-LD (Organization with employees and founder, a Dentist) and microdata, in English,
German, French, Dutch, Italian, Spanish, Swedish, Danish, Norwegian, Polish and Portuguese.
Traps inside pages that do name staff: a parent's testimonial beside a nursery's staff, a shop
dog on a groomer's team, a hosting company's and a data-protection vendor's names on a legal
page, brothers named in a founding story. Decoys (no person expected): testimonials with the
clients' job titles, a Google-reviews widget, a guest post with byline, author box and
comments, an author archive, a webinar's outside speakers, an award jury, a client list and
case study, a job ad, press quotes, a history page whose founder died a century ago and whose
streets and halls are named after people, a menu with dishes named after people, products named
like people, a cookie and privacy page naming vendors, a recipe blog's comments, sold houses on
streets named after people, a references page with clients' names.

Expected people are the business's own staff, owners and officers, by their name without
prefixed honorifics or academic titles (Dr., Mrs, Dott.ssa) or letters after it, with the
title the page states for them (``""`` when it states none). Company facts are only the kinds
the docs name, in the forms they show: legal names from legal pages and JSON-LD, one-line
addresses ("street, postcode city"; US "street, city, ST zip"), a JSON-LD opening-hours string
as given, VAT ids compacted with their country prefix where the page gives the prefix, SIREN,
UK company numbers. Swedish and Norwegian org.nr, Danish CVR, Polish NIP, Portuguese NIF,
Dutch KvK and Handelsregister numbers are on the pages but not expected (kinds or forms the
docs do not spell out). Every expected VAT id and SIREN is fictitious with a valid check digit.
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def page(name, url, brand, lang="en", cms="astra", **site):
    """The page ``name`` at ``url`` in the ``cms``'s shell: call the result with the body, the
    expected people and the expected company facts to add it to PAGES."""

    def add(body, people=None, company=None):
        html = _SHELLS[cms](body, brand=brand, lang=lang, **site)
        PAGES.append((name, url, html, people or {}, company or {}))

    return add


def _head(brand, lang, head, generator=""):
    gen = f'<meta name="generator" content="{generator}">\n' if generator else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{gen}<title>{brand}</title>\n"
        f'<meta property="og:title" content="{brand}">\n{head}\n</head>\n'
    )


def _menu(items, li_class="menu-item", a_class=""):
    cls = f' class="{a_class}"' if a_class else ""
    return "".join(f'<li class="{li_class}"><a href="{h}"{cls}>{t}</a></li>' for h, t in items)


_EN_MENU = (
    ("/", "Home"),
    ("/services/", "Services"),
    ("/about/", "About"),
    ("/contact/", "Contact"),
)


def _astra(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    return (
        _head(brand, lang, head, "WordPress 6.4.3")
        + '<body class="page-template-default page ast-desktop ast-separate-container '
        'ast-right-sidebar astra-4.6.4">\n<a class="skip-link screen-reader-text" '
        'href="#content">Skip to content</a>\n<div class="hfeed site" id="page">\n'
        '<header class="site-header ast-primary-submenu-animation-fade header-main-layout-1" '
        'id="masthead"><div class="main-header-bar-wrap"><div class="ast-container">'
        f'<div class="site-branding"><span class="site-title"><a href="/">{brand}</a></span>'
        '</div><nav class="site-navigation ast-flex-grow-1" aria-label="Site Navigation">'
        f'<ul id="primary-menu" class="main-header-menu ast-menu-shadow">'
        f"{_menu(menu, 'menu-item menu-item-type-post_type', 'menu-link')}</ul></nav></div></div>"
        "</header>\n"
        '<div id="content" class="site-content"><div class="ast-container">'
        '<div id="primary" class="content-area primary"><main id="main" class="site-main">'
        '<article class="post-12 page type-page status-publish ast-article-single">'
        f'<div class="entry-content clear" itemprop="text">\n{body}\n</div></article></main>'
        "</div></div></div>\n"
        '<footer class="site-footer" id="colophon"><div class="ast-small-footer">'
        f'<div class="ast-container"><div class="ast-small-footer-section-1">{footer}</div>'
        '<div class="ast-small-footer-section-2">Powered by <a href="https://wpastra.com/">'
        "Astra WordPress Theme</a></div></div></div></footer>\n</div>\n"
        f"{banner}\n</body>\n</html>\n"
    )


def _generatepress(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    return (
        _head(brand, lang, head, "WordPress 6.5")
        + '<body class="page-template-default page right-sidebar nav-float-right '
        'one-container header-aligned-left dropdown-hover" itemtype="https://schema.org/WebPage" '
        'itemscope>\n<header class="site-header grid-container" id="masthead" '
        'itemtype="https://schema.org/WPHeader" itemscope><div class="inside-header">'
        f'<div class="site-branding"><p class="main-title" itemprop="headline"><a href="/">'
        f"{brand}</a></p></div>"
        '<nav class="main-navigation sub-menu-right" id="site-navigation">'
        '<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">'
        '<span class="mobile-menu">Menu</span></button><div class="main-nav"><ul id="menu-main" '
        f'class="menu sf-menu">{_menu(menu, "menu-item menu-item-type-post_type")}</ul></div>'
        "</nav></div></header>\n"
        '<div class="site grid-container container hfeed" id="page"><div class="site-content" '
        'id="content"><div class="content-area" id="primary"><main class="site-main" id="main">'
        '<article class="page type-page status-publish" itemtype="https://schema.org/CreativeWork" '
        'itemscope><div class="inside-article"><div class="entry-content" itemprop="text">\n'
        f"{body}\n</div></div></article></main></div>"
        '<div class="widget-area sidebar is-right-sidebar" id="right-sidebar">'
        '<aside class="widget inner-padding widget_search"><form method="get" class="search-form">'
        '<input type="search" class="search-field" placeholder="Search &hellip;" name="s">'
        "</form></aside></div></div></div>\n"
        '<div class="site-footer"><footer class="site-info" aria-label="Site" '
        'itemtype="https://schema.org/WPFooter" itemscope><div class="inside-site-info '
        f'grid-container"><div class="copyright-bar">{footer} &bull; Built with '
        '<a href="https://generatepress.com" itemprop="url">GeneratePress</a></div></div>'
        f"</footer></div>\n{banner}\n</body>\n</html>\n"
    )


def _avada(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    return (
        _head(brand, lang, head, "WordPress 6.3.2")
        + '<body class="page-template-default page fusion-image-hovers fusion-body ltr '
        "fusion-sticky-header no-tablet-sticky-header mobile-logo-pos-left layout-wide-mode "
        'avada-has-rev-slider-styles fusion-top-header menu-text-align-center">\n'
        '<div id="wrapper" class="fusion-wrapper"><div id="home" style="position:relative;top:-1px;">'
        '</div><header class="fusion-header-wrapper"><div class="fusion-header-v1 fusion-logo-'
        'alignment fusion-logo-left"><div class="fusion-header"><div class="fusion-row">'
        f'<div class="fusion-logo"><a class="fusion-logo-link" href="/"><img src="/logo.png" '
        f'alt="{brand} Logo" class="fusion-standard-logo"></a></div>'
        '<nav class="fusion-main-menu" aria-label="Main Menu"><ul id="menu-hauptmenue" '
        f'class="fusion-menu">{_menu(menu, "menu-item fusion-menu-item")}</ul></nav>'
        "</div></div></div></header>\n"
        '<main id="main" class="clearfix"><div class="fusion-row" style=""><section id="content" '
        'style="width: 100%;"><div class="post-content">\n'
        f"{body}\n</div></section></div></main>\n"
        '<div class="fusion-footer"><footer class="fusion-footer-widget-area fusion-widget-area">'
        f'<div class="fusion-row"><div class="fusion-columns fusion-columns-3">{footer}</div>'
        '</div></footer><footer id="footer" class="fusion-footer-copyright-area"><div '
        'class="fusion-row"><div class="fusion-copyright-content"><div class="fusion-copyright-'
        'notice"><div>Theme: Avada by ThemeFusion | Powered by WordPress</div></div></div></div>'
        f"</footer></div></div>\n{banner}\n</body>\n</html>\n"
    )


def _enfold(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    return (
        _head(brand, lang, head, "WordPress 6.2")
        + '<body id="top" class="page-template-default page stretched rtl_columns av-curtain-'
        'numeric avia-responsive-images-support" itemscope="itemscope" '
        'itemtype="https://schema.org/WebPage">\n<div id="wrap_all"><header id="header" '
        'class="all_colors header_color light_bg_color av_header_top av_logo_left '
        'av_main_nav_header" role="banner"><div id="header_main" class="container_wrap '
        'container_wrap_logo"><div class="container av-logo-container"><div class="inner-container">'
        f'<span class="logo avia-standard-logo"><a href="/" class=""><img src="/logo.png" '
        f'alt="{brand}" title="{brand}"></a></span>'
        '<nav class="main_menu" data-selectname="Wähle eine Seite" role="navigation">'
        '<div class="avia-menu av-main-nav-wrap"><ul id="avia-menu" class="menu av-main-nav">'
        f"{_menu(menu, 'menu-item menu-item-top-level')}</ul></div></nav></div></div></div>"
        '</header><div id="main" class="all_colors" data-scroll-offset="116">\n'
        '<div class="main_color container_wrap_first container_wrap fullsize"><div '
        'class="container av-section-cont-open"><main role="main" itemprop="mainContentOfPage" '
        'class="template-page content av-content-full alpha units"><div class="post-entry '
        'post-entry-type-page"><div class="entry-content-wrapper clearfix">\n'
        f"{body}\n</div></div></main></div></div>\n"
        '<div class="container_wrap footer_color" id="footer"><div class="container">'
        f'<div class="flex_column av_one_third first el_before_av_one_third">{footer}</div>'
        '</div></div><footer class="container_wrap socket_color" id="socket" role="contentinfo">'
        '<div class="container"><span class="copyright">© Copyright - '
        f"{brand} - Enfold Theme by Kriesi</span></div></footer></div></div>\n{banner}\n"
        "</body>\n</html>\n"
    )


def _weebly(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    return (
        _head(brand, lang, head)
        + '<body class="no-header-page wsite-theme-light wsite-page-about-us">\n'
        '<div class="wrapper"><div class="dusk-header"><div class="nav-wrap"><div class="container">'
        f'<div class="logo"><span class="wsite-logo"><a href="/"><span id="wsite-title">{brand}'
        '</span></a></span></div><div class="nav desktop-nav"><ul class="wsite-menu-default">'
        f"{_menu(menu, 'wsite-menu-item-wrap', 'wsite-menu-item')}</ul></div></div></div></div>\n"
        '<div class="main-wrap"><div id="wsite-content" class="wsite-elements '
        'wsite-not-footer">\n'
        f"{body}\n</div></div>\n"
        '<div class="footer-wrap"><div class="container"><div class="footer">'
        f'<div class="wsite-elements wsite-footer">{footer}</div></div></div></div></div>\n'
        '<div id="weebly-footer-signup-container-v3"><a href="https://www.weebly.com/signup">'
        f"Powered by Weebly</a></div>\n{banner}\n</body>\n</html>\n"
    )


def _duda(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    nav = "".join(
        f'<li class="unifiednav__item-wrap"><a href="{h}" class="unifiednav__item">'
        f'<span class="nav-item-text">{t}</span></a></li>'
        for h, t in menu
    )
    return (
        _head(brand, lang, head)
        + '<body id="dmRoot" data-page-alias="team" class="dmRoot dmDesktopBody fix-mobile-'
        'scrolling addCanvasBorder dmResellerSite dmLargeBody responsiveTablet">\n'
        '<div id="dm" class="dmwr"><div class="dm_wrapper standard-var5 widgetStyle-3 '
        'standard"><div dmwrapped="true" id="1901957768" class="dm-home-page">'
        '<div class="dmHeaderContainer fHeader d-header-wrapper"><div id="hcontainer" '
        'class="dmHeader p_hfcontainer"><div class="dmRespRow"><div class="dmRespColsWrapper">'
        f'<div class="dmRespCol"><div class="u_1234 imageWidget align-center"><a href="/">'
        f'<img src="/logo.png" alt="{brand}"></a></div></div><div class="dmRespCol">'
        '<nav class="u_1001 effect-bottom2 main-navigation unifiednav" role="navigation">'
        f'<ul class="unifiednav__container">{nav}</ul></nav></div></div></div></div></div>\n'
        '<div class="stickyHeaderSpacer" id="stickyHeaderSpacer"></div><div '
        'class="dmInner" id="dmInner"><div dmwrapped="true" class="dmBody u_dmStyle_template_team">'
        f'<div id="allWrapper" class="allWrapper"><div class="dmContent" id="content">\n{body}\n'
        "</div></div></div>"
        f'<div class="dmFooterContainer"><div id="fcontainer" class="dmFooter">{footer}'
        "</div></div></div></div></div></div>\n"
        f"{banner}\n</body>\n</html>\n"
    )


def _hubspot(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    nav = "".join(
        f'<li class="hs-menu-item hs-menu-depth-1"><a href="{h}" role="menuitem">{t}</a></li>'
        for h, t in menu
    )
    cookie = (
        '<div id="hs-eu-cookie-confirmation" class="hs-cookie-notification-position-bottom" '
        'role="region" aria-label="Cookie banner"><div id="hs-eu-cookie-confirmation-inner">'
        '<div id="hs-en-cookie-confirmation-buttons-area"><p id="hs-eu-policy-wording">This '
        "website stores cookies on your computer. These cookies are used to collect information "
        'about how you interact with our website.</p><a id="hs-eu-confirmation-button" '
        'role="button">Accept</a><a id="hs-eu-decline-button" role="button">Decline</a></div>'
        "</div></div>"
    )
    return (
        _head(brand, lang, head) + '<body class="   hs-content-id-152238417 hs-site-page page ">\n'
        '<div data-global-resource-path="theme/templates/partials/header.html"><header '
        'class="header"><div class="header__container content-wrapper"><div class="header__logo">'
        f'<a href="/"><img class="hs-image-widget" src="/hubfs/logo.svg" alt="{brand}"></a></div>'
        '<div class="header__navigation"><nav aria-label="Main menu" class="navigation-primary">'
        f'<ul class="submenu level-1">{nav}</ul></nav></div></div></header></div>\n'
        '<main id="main-content" class="body-container-wrapper"><div class="container-fluid '
        'body-container body-container--home"><div class="row-fluid-wrapper">\n'
        f"{body}\n</div></div></main>\n"
        '<div data-global-resource-path="theme/templates/partials/footer.html"><footer '
        f'class="footer"><div class="footer__container content-wrapper">{footer}</div></footer>'
        f"</div>\n{banner or cookie}\n"
        '<script src="/hs/hsstatic/keyboard-accessible-menu-flyouts/static-1.17/bundles/'
        'project.js"></script>\n</body>\n</html>\n'
    )


def _html2008(body, *, brand, lang, head="", banner="", footer="", menu=_EN_MENU):
    nav = " | ".join(f'<a href="{h}"><font color="#ffffff">{t}</font></a>' for h, t in menu)
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
        f"<title>{brand}</title>\n"
        '<meta name="GENERATOR" content="Microsoft FrontPage 6.0">\n'
        f"{head}\n</head>\n"
        '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">\n'
        '<table width="780" border="0" cellspacing="0" cellpadding="0" align="center">\n'
        f'<tr><td bgcolor="#003366" height="80"><img src="images/header.jpg" width="780" '
        f'height="80" alt="{brand}"></td></tr>\n'
        f'<tr><td bgcolor="#336699" height="22" align="center"><font face="Verdana, Arial" '
        f'size="1">{nav}</font></td></tr>\n'
        f'<tr><td valign="top" bgcolor="#FFFFFF">\n{body}\n</td></tr>\n'
        '<tr><td bgcolor="#EEEEEE" align="center"><font face="Verdana, Arial" size="1" '
        f'color="#666666">{footer}</font></td></tr>\n'
        "</table>\n"
        '<p align="center"><img src="counter.cgi?page=staff" width="88" height="31" '
        'alt="visitors"></p>\n</body>\n</html>\n'
    )


def _onepage(body, *, brand, lang, head="", banner="", footer="", menu=None):
    nav = "".join(
        f'<a class="nav-link" href="#{a}">{t}</a>'
        for a, t in (("home", "Home"), ("about", "About"), ("team", "Team"), ("contact", "Contact"))
    )
    return (
        _head(brand, lang, head) + '<body data-spy="scroll" data-target="#navbar">\n'
        '<nav id="navbar" class="navbar navbar-expand-lg fixed-top"><div class="container">'
        f'<a class="navbar-brand" href="#home">{brand}</a><div class="collapse navbar-collapse">'
        f'<div class="navbar-nav ml-auto">{nav}</div></div></div></nav>\n'
        f"{body}\n"
        f'<footer class="py-4 bg-dark text-white-50"><div class="container text-center">{footer}'
        f"</div></footer>\n{banner}\n"
        '<script src="js/jquery.min.js"></script><script src="js/bootstrap.bundle.min.js">'
        "</script>\n</body>\n</html>\n"
    )


_SHELLS = {
    "astra": _astra,
    "generatepress": _generatepress,
    "avada": _avada,
    "enfold": _enfold,
    "weebly": _weebly,
    "duda": _duda,
    "hubspot": _hubspot,
    "html2008": _html2008,
    "onepage": _onepage,
}


# Cookie banners of the usual plugins; vendors' names in them are never people.
COMPLIANZ = (
    '<div id="cmplz-cookiebanner-container"><div class="cmplz-cookiebanner cmplz-hidden '
    'banner-1 optin cmplz-bottom-right" aria-modal="true" role="dialog" '
    'aria-labelledby="cmplz-header-1-optin"><div class="cmplz-header"><div '
    'class="cmplz-title" id="cmplz-header-1-optin">Manage Cookie Consent</div></div>'
    '<div class="cmplz-body"><div class="cmplz-message" id="cmplz-message-1-optin">To provide '
    "the best experiences, we use technologies like cookies to store and/or access device "
    "information. We use Google Analytics and Google Maps.</div></div>"
    '<div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">Accept</button>'
    '<button class="cmplz-btn cmplz-deny">Deny</button><button class="cmplz-btn '
    'cmplz-view-preferences">View preferences</button></div></div></div>'
)

BORLABS = (
    '<div id="BorlabsCookieBox" class="BorlabsCookie" role="dialog" aria-labelledby="CookieBoxText'
    'Headline" aria-modal="true"><div class="bottom-center" style="display: none;"><div '
    'class="_brlbs-box-wrap"><div class="_brlbs-box _brlbs-box-advanced"><div class="cookie-box">'
    '<div class="container"><div class="row"><div class="col-12"><div class="_brlbs-flex-center">'
    '<span role="heading" aria-level="3" class="_brlbs-h3" id="CookieBoxTextHeadline">'
    'Datenschutzeinstellungen</span></div><p id="CookieBoxTextDescription"><span '
    'class="_brlbs-paragraph _brlbs-text-description">Wir benötigen Ihre Einwilligung, bevor '
    "Sie unsere Website weiter besuchen können. Wir verwenden Cookies und andere Technologien "
    '(Google Maps, YouTube, Matomo).</span></p><p class="_brlbs-accept"><a href="#" '
    'class="_brlbs-btn _brlbs-btn-accept-all _brlbs-cursor" tabindex="0" role="button" '
    'data-cookie-accept-all>Alle akzeptieren</a></p><p class="_brlbs-refuse-btn"><a '
    'class="_brlbs-btn _brlbs-cursor" href="#" tabindex="0" role="button" '
    "data-cookie-refuse>Nur essenzielle Cookies akzeptieren</a></p></div></div></div></div>"
    "</div></div></div></div>"
)

COOKIEYES = (
    '<div class="cky-consent-container cky-box-bottom-left" tabindex="0" aria-label="We value '
    'your privacy" role="region"><div class="cky-consent-bar" data-cky-tag="notice"><div '
    'class="cky-notice"><p class="cky-title" role="heading" aria-level="1" '
    'data-cky-tag="notice-title">We value your privacy</p><div class="cky-notice-group"><div '
    'class="cky-notice-des" data-cky-tag="notice-description"><p>We use cookies to enhance '
    "your browsing experience, serve personalised ads or content, and analyse our traffic. By "
    'clicking "Accept All", you consent to our use of cookies.</p></div><div '
    'class="cky-notice-btn-wrapper"><button class="cky-btn cky-btn-customize">Customise'
    '</button><button class="cky-btn cky-btn-reject">Reject All</button><button class="cky-btn '
    'cky-btn-accept">Accept All</button></div></div></div></div></div>'
)

COOKIEBOT = (
    '<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" '
    'aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" '
    'lang="da" class="CybotCookiebotDialogActive"><div class="CybotCookiebotDialogContentWrapper">'
    '<div id="CybotCookiebotDialogHeader"><div id="CybotCookiebotDialogPoweredbyCybot">'
    '<a target="_blank" href="https://www.cookiebot.com/da/what-is-behind-powered-by-cookiebot/"'
    ' rel="noopener nofollow" aria-label="Cookiebot - åbner i et nyt vindue">Cookiebot by '
    'Usercentrics</a></div></div><div id="CybotCookiebotDialogBodyContentTitle">Denne '
    'hjemmeside bruger cookies</div><div id="CybotCookiebotDialogBodyContentText">Vi bruger '
    "cookies til at tilpasse vores indhold og annoncer, til at vise dig funktioner til sociale "
    "medier og til at analysere vores trafik.</div><button "
    'id="CybotCookiebotDialogBodyButtonDecline">Afvis</button><button '
    'id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Tillad alle</button></div></div>'
)

AXEPTIO = (
    '<div id="axeptio_overlay" class="axeptio_mount"><div class="axeptio_widget" '
    'aria-label="Consentement cookies"><div class="axeptio_header"><p>Ce site utilise des '
    'cookies</p></div><div class="axeptio_body"><p>Salut c\'est nous… les cookies ! On a '
    "attendu d'être sûrs que le contenu de ce site vous intéresse avant de vous déranger, mais "
    "on aimerait bien vous accompagner pendant votre visite.</p></div><div "
    'class="axeptio_footer"><button class="axeptio_btn_dismiss">Non merci</button><button '
    'class="axeptio_btn_acceptAll">OK pour moi</button></div></div></div>'
)


# --- 1. Astra: a British plumber's team, cards in a list, company number in the footer -----

page(
    "astra-plumber-team",
    "https://hughesplumbing.example.co.uk/about/meet-the-team/",
    "Hughes Plumbing &amp; Heating",
    "en-GB",
    "astra",
    banner=COOKIEYES,
    footer=(
        "<p>© 2024 Hughes Plumbing &amp; Heating Ltd. Registered in England and Wales, Company "
        "No. 08412397. VAT Reg. No. GB 226 4784 48. Registered office: 3 Mill Lane, Chester "
        'CH1 2AB.</p><p><a href="/privacy-policy/">Privacy Policy</a> | <a href="/terms/">'
        "Terms</a></p>"
    ),
)(
    """
<h1 class="entry-title">Meet the Team</h1>
<p>We're a family-run business covering Chester, the Wirral and North Wales. Every engineer
is Gas Safe registered and fully insured.</p>
<ul class="wp-block-list team-list">
  <li class="team-card">
    <figure class="wp-block-image size-medium"><img src="/wp-content/uploads/2023/04/gareth.jpg"
      alt="Gareth Hughes smiling in front of a van"></figure>
    <h3 class="wp-block-heading">Gareth Hughes</h3>
    <p class="has-small-font-size">Owner &amp; Master Plumber</p>
    <p>Gareth started the business in 2009 after twelve years with a national installer.</p>
  </li>
  <li class="team-card">
    <figure class="wp-block-image size-medium"><img src="/wp-content/uploads/2023/04/sian.jpg"
      alt=""></figure>
    <h3 class="wp-block-heading">Siân Hughes</h3>
    <p class="has-small-font-size">Office Manager</p>
    <p>Siân keeps the diary running and is usually the first voice you'll hear.</p>
  </li>
  <li class="team-card">
    <figure class="wp-block-image size-medium"><img src="/wp-content/uploads/2023/04/rhys.jpg"
      alt=""></figure>
    <h3 class="wp-block-heading">Rhys Morgan</h3>
    <p class="has-small-font-size">Gas Engineer</p>
  </li>
  <li class="team-card">
    <figure class="wp-block-image size-medium"><img src="/wp-content/uploads/2023/04/callum.jpg"
      alt=""></figure>
    <h3 class="wp-block-heading">Callum Price</h3>
    <p class="has-small-font-size">Apprentice Plumber</p>
  </li>
</ul>
<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link"
  href="/contact/">Book a visit</a></div></div>
""",
    {
        "Gareth Hughes": "Owner & Master Plumber",
        "Siân Hughes": "Office Manager",
        "Rhys Morgan": "Gas Engineer",
        "Callum Price": "Apprentice Plumber",
    },
    {"company_number": "08412397"},
)


# --- 2. GeneratePress: a US law firm's attorneys in a definition list -----------------------

page(
    "generatepress-lawfirm-dl",
    "https://oconnellbrandt.example.com/our-attorneys/",
    "O'Connell &amp; Brandt, P.C.",
    "en-US",
    "generatepress",
    banner=COMPLIANZ,
    footer="© 2024 O'Connell &amp; Brandt, P.C. Attorney Advertising",
    menu=(
        ("/", "Home"),
        ("/practice-areas/", "Practice Areas"),
        ("/our-attorneys/", "Our Attorneys"),
        ("/contact/", "Contact"),
    ),
)(
    """
<header class="entry-header"><h1 class="entry-title" itemprop="headline">Our Attorneys</h1>
</header>
<p>For over thirty years our attorneys have represented families and small businesses in
Worcester County in estate planning, real estate and business disputes.</p>
<dl class="attorney-list">
  <dt>Margaret O'Connell</dt>
  <dd>Managing Partner</dd>
  <dt>Steven Brandt</dt>
  <dd>Partner</dd>
  <dt>Alicia Gómez</dt>
  <dd>Associate Attorney</dd>
  <dt>Dana Whitfield</dt>
  <dd>Paralegal</dd>
</dl>
<h2>Recognition</h2>
<p>Named to the Super Lawyers list 2019–2024. Rated AV Preeminent by Martindale-Hubbell.</p>
<p><em>The information on this website is for general information purposes only. Nothing on
this site should be taken as legal advice for any individual case or situation.</em></p>
""",
    {
        "Margaret O'Connell": "Managing Partner",
        "Steven Brandt": "Partner",
        "Alicia Gómez": "Associate Attorney",
        "Dana Whitfield": "Paralegal",
    },
)


# --- 3. Avada: a German dental practice, fusion-person elements and Dentist JSON-LD --------

_DENTIST_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Dentist",
 "name": "Zahnarztpraxis Dr. Katrin Vogel",
 "url": "https://zahnarzt-vogel.example.de/",
 "telephone": "+49 711 2345670",
 "address": {"@type": "PostalAddress", "streetAddress": "Königstraße 41",
   "postalCode": "70173", "addressLocality": "Stuttgart"},
 "openingHours": "Mo-Fr 08:00-18:00",
 "priceRange": "€€"}
</script>"""

page(
    "avada-zahnarzt-team",
    "https://zahnarzt-vogel.example.de/praxis/team/",
    "Zahnarztpraxis Dr. Katrin Vogel",
    "de-DE",
    "avada",
    head=_DENTIST_LD,
    banner=BORLABS,
    footer=(
        '<div class="fusion-column col-lg-4"><h4 class="widget-title">Kontakt</h4><p>'
        "Königstraße 41<br>70173 Stuttgart<br>Tel. 0711 2345670</p></div>"
        '<div class="fusion-column col-lg-4"><h4 class="widget-title">Sprechzeiten</h4><p>'
        "Mo–Fr 8–18 Uhr</p></div>"
    ),
    menu=(
        ("/", "Start"),
        ("/praxis/team/", "Team"),
        ("/leistungen/", "Leistungen"),
        ("/kontakt/", "Kontakt"),
        ("/impressum/", "Impressum"),
    ),
)(
    """
<div class="fusion-fullwidth fullwidth-box fusion-builder-row-1"><div class="fusion-builder-row
fusion-row"><div class="fusion-layout-column fusion_builder_column fusion-builder-column-0
fusion_builder_column_1_1 1_1 fusion-one-full"><div class="fusion-column-wrapper">
<div class="fusion-title title fusion-title-1 fusion-sep-none fusion-title-text"><h1
class="title-heading-left">Unser Team</h1></div>
<div class="fusion-text fusion-text-1"><p>Freundlich, kompetent und mit viel Zeit für Sie –
lernen Sie die Menschen kennen, die Sie in unserer Praxis betreuen.</p></div>
</div></div></div></div>
<div class="fusion-fullwidth fullwidth-box fusion-builder-row-2"><div class="fusion-builder-row
fusion-row">
<div class="fusion-layout-column fusion_builder_column_1_4"><div class="fusion-person person
fusion-person-left fusion-person-1 fusion-person-icon-top"><div class="person-shortcode-image-
wrapper"><div class="person-image-container"><img class="person-img img-responsive"
src="/wp-content/uploads/vogel.jpg" alt="Dr. Katrin Vogel"></div></div><div class="person-desc">
<div class="person-author"><div class="person-author-wrapper"><span class="person-name">Dr.
Katrin Vogel</span><span class="person-title">Zahnärztin, Praxisinhaberin</span></div></div>
<div class="person-content fusion-clearfix"><p>Studium in Tübingen, seit 2011 in eigener
Praxis. Schwerpunkte: Implantologie und Parodontologie.</p></div></div></div></div>
<div class="fusion-layout-column fusion_builder_column_1_4"><div class="fusion-person person
fusion-person-left fusion-person-2"><div class="person-desc"><div class="person-author"><div
class="person-author-wrapper"><span class="person-name">Jonas Weber</span><span
class="person-title">Zahnarzt</span></div></div></div></div></div>
<div class="fusion-layout-column fusion_builder_column_1_4"><div class="fusion-person person
fusion-person-left fusion-person-3"><div class="person-desc"><div class="person-author"><div
class="person-author-wrapper"><span class="person-name">Melanie Schröder</span><span
class="person-title">Praxismanagerin</span></div></div></div></div></div>
<div class="fusion-layout-column fusion_builder_column_1_4"><div class="fusion-person person
fusion-person-left fusion-person-4"><div class="person-desc"><div class="person-author"><div
class="person-author-wrapper"><span class="person-name">Aylin Demir</span><span
class="person-title">Zahnmedizinische Fachangestellte</span></div></div></div></div></div>
</div></div>
""",
    {
        "Katrin Vogel": "Zahnärztin, Praxisinhaberin",
        "Jonas Weber": "Zahnarzt",
        "Melanie Schröder": "Praxismanagerin",
        "Aylin Demir": "Zahnmedizinische Fachangestellte",
    },
    {"opening_hours": "Mo-Fr 08:00-18:00", "address": "Königstraße 41, 70173 Stuttgart"},
)


# --- 4. Enfold: an Impressum of a German electrical contractor, two managing directors -----

page(
    "enfold-impressum-gmbh",
    "https://elektro-brandt.example.de/impressum/",
    "Elektro Brandt GmbH",
    "de-DE",
    "enfold",
    banner=BORLABS,
    footer=(
        '<section class="widget widget_text"><h3 class="widgettitle">Elektro Brandt</h3>'
        '<div class="textwidget"><p>Industriestraße 7 · 33602 Bielefeld<br>Telefon 0521 '
        "9876540</p></div></section>"
    ),
    menu=(
        ("/", "Startseite"),
        ("/leistungen/", "Leistungen"),
        ("/karriere/", "Karriere"),
        ("/kontakt/", "Kontakt"),
    ),
)(
    """
<div class="flex_column av_one_full first"><section class="av_textblock_section"
itemscope="itemscope" itemtype="https://schema.org/CreativeWork"><div class="avia_textblock"
itemprop="text">
<h1>Impressum</h1>
<h3>Angaben gemäß § 5 DDG</h3>
<p>Elektro Brandt GmbH<br>Industriestraße 7<br>33602 Bielefeld</p>
<p><strong>Vertreten durch die Geschäftsführer:</strong><br>Holger Brandt<br>Sabine
Brandt-Kühn</p>
<h3>Kontakt</h3>
<p>Telefon: 0521 9876540<br>Telefax: 0521 9876549<br>E-Mail: info@elektro-brandt.example.de</p>
<h3>Registereintrag</h3>
<p>Eintragung im Handelsregister.<br>Registergericht: Amtsgericht Bielefeld<br>
Registernummer: HRB 45123</p>
<h3>Umsatzsteuer-ID</h3>
<p>Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz:<br>DE 421 967 771</p>
<h3>Berufsbezeichnung und berufsrechtliche Regelungen</h3>
<p>Berufsbezeichnung: Elektrotechnikermeister<br>Zuständige Kammer: Handwerkskammer
Ostwestfalen-Lippe zu Bielefeld<br>Verliehen in: Deutschland</p>
<h3>Redaktionell verantwortlich</h3>
<p>Holger Brandt, Industriestraße 7, 33602 Bielefeld</p>
<h3>Verbraucherstreitbeilegung</h3>
<p>Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer
Verbraucherschlichtungsstelle teilzunehmen.</p>
<p>Quelle: e-recht24.de</p>
</div></section></div>
""",
    {"Holger Brandt": "Geschäftsführer", "Sabine Brandt-Kühn": "Geschäftsführer"},
    {
        "legal_name": "Elektro Brandt GmbH",
        "address": "Industriestraße 7, 33602 Bielefeld",
        "vat_id": "DE421967771",
    },
)


# --- 5. Weebly: an Australian café's about page, appositions in prose ----------------------

page(
    "weebly-cafe-about-prose",
    "https://thelittlewren.example.com.au/about-us.html",
    "The Little Wren Café",
    "en-AU",
    "weebly",
    footer=(
        '<div class="paragraph">12 Beach Road, Torquay VIC 3228 · Open 7 days, 7am–3pm · '
        '<a href="mailto:hello@thelittlewren.example.com.au">hello@thelittlewren.example.com.au'
        "</a></div>"
    ),
)(
    """
<div class="wsite-section-wrap"><div class="wsite-section wsite-body-section
wsite-background-2"><div class="wsite-section-content"><div class="container">
<div class="wsite-section-elements">
<h2 class="wsite-content-title">Our Story</h2>
<div class="paragraph">The Little Wren opened its doors in the spring of 2016 in a converted
surf shop on Beach Road. Jess Tran, our owner, grew up two streets away and still does the
early bake most mornings.<br><br>In the kitchen you'll find our head chef, Lachlan Byrne, who
came to us from Melbourne's laneway scene and keeps the menu seasonal and local. Front of house
is run by our café manager, Priya Nair, who knows most of our regulars by name (and their
orders).<br><br>We roast with Wildfire Coffee Co. in Geelong and our bread comes from Salt
&amp; Stone Bakery.</div>
<div><div class="wsite-image wsite-image-border-none" style="padding-top:10px;
padding-bottom:10px;"><img src="/uploads/1/2/3/4/team.jpg" alt="The crew on a Sunday
morning"><div style="display:block;font-size:90%">The crew on a Sunday morning</div></div></div>
</div></div></div></div></div>
""",
    {"Jess Tran": "Owner", "Lachlan Byrne": "Head Chef", "Priya Nair": "Café Manager"},
)


# --- 6. Duda: an Irish accountancy practice, post-nominal letters ---------------------------

page(
    "duda-accountants-ie",
    "https://gallagherryan.example.ie/our-people",
    "Gallagher Ryan Accountants",
    "en-IE",
    "duda",
    footer=(
        '<div class="dmNewParagraph" data-element-type="paragraph"><p>Gallagher Ryan &amp; Co., '
        "Chartered Accountants · 21 Main Street, Naas, Co. Kildare W91 X2C4 · VAT No. IE "
        "6412000W</p><p>Chartered Accountants Ireland member firm.</p></div>"
    ),
    banner=COOKIEYES,
)(
    """
<div class="dmRespRow u_1122"><div class="dmRespColsWrapper"><div class="dmRespCol large-12">
<h1 class="dmNewParagraph" data-element-type="paragraph"><span style="font-weight:700">Our
People</span></h1>
<div class="dmNewParagraph" data-element-type="paragraph"><p>A small team with big-firm
experience, looking after sole traders, farms and family companies across Kildare.</p></div>
</div></div></div>
<div class="dmRespRow u_1123"><div class="dmRespColsWrapper">
<div class="dmRespCol large-4"><div class="imageWidget align-center"><img
src="/md/dmtmpl/niamh.jpg" alt="Niamh Gallagher"></div><div class="dmNewParagraph"
data-element-type="paragraph"><h3>Niamh Gallagher FCA</h3><p><strong>Managing
Partner</strong></p><p>Niamh founded the practice in 2004 and advises on tax and succession
planning.</p></div></div>
<div class="dmRespCol large-4"><div class="imageWidget align-center"><img
src="/md/dmtmpl/declan.jpg" alt="Declan Ryan"></div><div class="dmNewParagraph"
data-element-type="paragraph"><h3>Declan Ryan ACA</h3><p><strong>Tax Manager</strong></p></div>
</div>
<div class="dmRespCol large-4"><div class="imageWidget align-center"><img
src="/md/dmtmpl/orla.jpg" alt="Orla Kennedy"></div><div class="dmNewParagraph"
data-element-type="paragraph"><h3>Orla Kennedy</h3><p><strong>Payroll
Administrator</strong></p></div></div>
</div></div>
""",
    {
        "Niamh Gallagher": "Managing Partner",
        "Declan Ryan": "Tax Manager",
        "Orla Kennedy": "Payroll Administrator",
    },
    {"vat_id": "IE6412000W"},
)


# --- 7. HubSpot CMS: a digital agency's team module --------------------------------------

page(
    "hubspot-agency-team",
    "https://northlight.example.co.uk/about/team",
    "Northlight Digital",
    "en-GB",
    "hubspot",
    footer=(
        '<div class="footer__copyright"><p>© 2024 Northlight Digital Ltd. Registered in England '
        "&amp; Wales No. 11234567. 5th Floor, 1 Piccadilly Gardens, Manchester M1 1RG.</p></div>"
        '<ul class="footer__social"><li><a href="https://www.linkedin.com/company/northlight-'
        'digital">LinkedIn</a></li></ul>'
    ),
    menu=(("/", "Home"), ("/work", "Work"), ("/about/team", "Team"), ("/contact", "Contact")),
)(
    """
<div class="row-fluid"><div class="span12 widget-span widget-type-cell dnd-column">
<div class="hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_module" data-hs-cos-general-
type="widget" data-hs-cos-type="module"><section class="team-module">
<h1>The people behind Northlight</h1>
<p class="team-module__intro">Strategists, designers and developers who care about B2B
growth.</p>
<div class="team-module__grid">
<div class="team-module__member"><img src="/hubfs/team/hannah.jpg" alt="Hannah Ashworth"
loading="lazy"><h3 class="team-module__name">Hannah Ashworth</h3><p
class="team-module__title">Chief Executive Officer</p><a class="team-module__linkedin"
href="https://www.linkedin.com/in/hannah-ashworth">LinkedIn</a></div>
<div class="team-module__member"><img src="/hubfs/team/kwame.jpg" alt="Kwame Mensah"
loading="lazy"><h3 class="team-module__name">Kwame Mensah</h3><p
class="team-module__title">Head of Growth</p></div>
<div class="team-module__member"><img src="/hubfs/team/ellie.jpg" alt="Ellie Chambers"
loading="lazy"><h3 class="team-module__name">Ellie Chambers</h3><p
class="team-module__title">Senior Designer</p></div>
<div class="team-module__member"><img src="/hubfs/team/tom.jpg" alt="Tom Whitaker"
loading="lazy"><h3 class="team-module__name">Tom Whitaker</h3><p
class="team-module__title">Account Director</p></div>
</div></section></div></div></div>
<div class="row-fluid"><div class="span12 widget-span cta"><h2>Want to join us?</h2><p><a
href="/careers" class="button">See open roles</a></p></div></div>
""",
    {
        "Hannah Ashworth": "Chief Executive Officer",
        "Kwame Mensah": "Head of Growth",
        "Ellie Chambers": "Senior Designer",
        "Tom Whitaker": "Account Director",
    },
    {"company_number": "11234567"},
)


# --- 8. Hand-written 2008: an estate agent's staff in a table with <font> ----------------

page(
    "html2008-estate-agent-staff",
    "http://www.pearce-and-lowe.example.co.uk/staff.htm",
    "Pearce &amp; Lowe Estate Agents - Our Staff",
    "en",
    "html2008",
    footer=(
        "Pearce &amp; Lowe Estate Agents, 14 High Street, Ludlow, Shropshire SY8 1BS<br>"
        "Tel: 01584 872 000 | Fax: 01584 872 001<br>Member of the National Association of "
        "Estate Agents"
    ),
    menu=(
        ("index.htm", "Home"),
        ("sales.htm", "Properties for Sale"),
        ("lettings.htm", "Lettings"),
        ("staff.htm", "Our Staff"),
        ("contact.htm", "Contact Us"),
    ),
)(
    """
<table width="100%" border="0" cellpadding="10"><tr><td>
<font face="Georgia, Times New Roman" size="5" color="#003366"><b>Our Staff</b></font>
<p><font face="Verdana, Arial" size="2">Established in 1987, we are an independent firm
serving Ludlow and the surrounding villages.</font></p>
<table width="100%" border="0" cellspacing="4" cellpadding="4">
<tr>
<td width="110"><img src="images/staff_jp.jpg" width="100" height="120" alt=""></td>
<td valign="top"><font face="Verdana, Arial" size="2"><b>John Pearce FNAEA</b><br>
<i>Senior Partner</i><br><a href="mailto:john@pearce-and-lowe.example.co.uk">
john@pearce-and-lowe.example.co.uk</a></font></td>
</tr>
<tr>
<td width="110"><img src="images/staff_hl.jpg" width="100" height="120" alt=""></td>
<td valign="top"><font face="Verdana, Arial" size="2"><b>Helen Lowe MNAEA</b><br>
<i>Partner</i></font></td>
</tr>
<tr>
<td width="110"><img src="images/staff_gd.jpg" width="100" height="120" alt=""></td>
<td valign="top"><font face="Verdana, Arial" size="2"><b>Graham Davies</b><br>
<i>Lettings Manager</i></font></td>
</tr>
<tr>
<td width="110"><img src="images/staff_sb.jpg" width="100" height="120" alt=""></td>
<td valign="top"><font face="Verdana, Arial" size="2"><b>Sarah Bishop</b><br>
<i>Sales Negotiator</i></font></td>
</tr>
</table>
<p><font face="Verdana, Arial" size="1" color="#999999">Page last updated 12/03/2008</font></p>
</td></tr></table>
""",
    {
        "John Pearce": "Senior Partner",
        "Helen Lowe": "Partner",
        "Graham Davies": "Lettings Manager",
        "Sarah Bishop": "Sales Negotiator",
    },
)


# --- 9. One-page site: a nursery's staff, with a parent's testimonial beside them --------

page(
    "onepage-nursery-staff",
    "https://littleacorns.example.co.uk/",
    "Little Acorns Day Nursery",
    "en-GB",
    "onepage",
    footer=(
        "<p>Little Acorns Day Nursery · 9 Orchard Way, Harrogate HG1 4QT · Ofsted URN EY123456</p>"
    ),
    banner=COOKIEYES,
)(
    """
<header id="home" class="masthead"><div class="container h-100"><div class="row h-100
align-items-center"><div class="col-12 text-center"><h1 class="display-4">A home from home
for your little one</h1><p class="lead">Rated Outstanding by Ofsted</p></div></div></div>
</header>
<section id="about" class="py-5"><div class="container"><h2>About us</h2><p>We care for
children aged 3 months to 5 years in a converted Victorian house with a large garden.</p>
</div></section>
<section id="team" class="py-5 bg-light"><div class="container"><h2 class="text-center">Meet
our team</h2><div class="row">
<div class="col-md-4"><div class="card staff-card"><img class="card-img-top"
src="img/kirsty.jpg" alt=""><div class="card-body"><h5 class="card-title">Kirsty Lamb</h5>
<p class="card-text">Nursery Manager</p></div></div></div>
<div class="col-md-4"><div class="card staff-card"><img class="card-img-top"
src="img/hannah.jpg" alt=""><div class="card-body"><h5 class="card-title">Hannah Cole</h5>
<p class="card-text">Deputy Manager</p></div></div></div>
<div class="col-md-4"><div class="card staff-card"><img class="card-img-top"
src="img/zoe.jpg" alt=""><div class="card-body"><h5 class="card-title">Zoe Barker</h5>
<p class="card-text">Room Leader</p></div></div></div>
</div></div></section>
<section id="parents" class="py-5"><div class="container"><h2>What parents say</h2>
<blockquote class="blockquote"><p>"Both of our children have loved their time at Little
Acorns. The staff are amazing."</p><footer class="blockquote-footer">Rachel Dawson, mum of
Oliver and Isla</footer></blockquote></div></section>
<section id="contact" class="py-5"><div class="container"><h2>Contact</h2><p>Call us on 01423
555 210 or email <a href="mailto:office@littleacorns.example.co.uk">
office@littleacorns.example.co.uk</a> to book a visit.</p></div></section>
""",
    {
        "Kirsty Lamb": "Nursery Manager",
        "Hannah Cole": "Deputy Manager",
        "Zoe Barker": "Room Leader",
    },
)


# --- 10. Avada: French mentions légales of a law firm, with the host's address -------------

page(
    "avada-mentions-legales-avocats",
    "https://dufresne-avocats.example.fr/mentions-legales/",
    "Dufresne Avocats",
    "fr-FR",
    "avada",
    banner=AXEPTIO,
    footer=(
        '<div class="fusion-column col-lg-4"><h4 class="widget-title">Le cabinet</h4><p>14 rue '
        "de la République<br>69002 Lyon<br>04 78 00 12 34</p></div>"
    ),
    menu=(
        ("/", "Accueil"),
        ("/cabinet/", "Le cabinet"),
        ("/domaines/", "Domaines d'intervention"),
        ("/contact/", "Contact"),
    ),
)(
    """
<div class="fusion-text fusion-text-1">
<h1>Mentions légales</h1>
<h2>Éditeur du site</h2>
<p>Raison sociale : Dufresne Avocats SELARL<br>
Société d'exercice libéral à responsabilité limitée au capital de 10 000 €<br>
Siège social : 14 rue de la République, 69002 Lyon<br>
RCS Lyon 262 504 053<br>
N° TVA intracommunautaire : FR 17 262504053<br>
Téléphone : 04 78 00 12 34<br>
Avocats inscrits au Barreau de Lyon</p>
<p>Directrice de la publication : Claire Dufresne</p>
<h2>Hébergement</h2>
<p>OVH SAS, 2 rue Kellermann, 59100 Roubaix, France – Téléphone : 1007</p>
<h2>Propriété intellectuelle</h2>
<p>L'ensemble des contenus de ce site (textes, images, logos) est la propriété exclusive du
cabinet. Crédits photos : Adobe Stock.</p>
</div>
""",
    {"Claire Dufresne": "Directrice de la publication"},
    {
        "legal_name": "Dufresne Avocats SELARL",
        "siren": "262504053",
        "vat_id": "FR17262504053",
    },
)


# --- 11. GeneratePress: a French agency's team cards -----------------------------------------

page(
    "generatepress-agence-equipe",
    "https://atelier-morel.example.fr/equipe/",
    "Atelier Morel – Agence de communication",
    "fr-FR",
    "generatepress",
    banner=AXEPTIO,
    footer="© 2024 Atelier Morel SAS – Nantes",
    menu=(
        ("/", "Accueil"),
        ("/references/", "Références"),
        ("/equipe/", "L'équipe"),
        ("/contact/", "Contact"),
    ),
)(
    """
<h1 class="entry-title">L'équipe</h1>
<p>Six personnes, un studio dans l'île de Nantes et une passion commune pour les marques qui
ont quelque chose à dire.</p>
<div class="gb-grid-wrapper gb-grid-wrapper-team">
<div class="gb-grid-column"><div class="gb-container membre"><figure class="gb-block-image">
<img class="gb-image" src="/wp-content/uploads/julien.jpg" alt=""></figure>
<h3 class="gb-headline gb-headline-name">Julien Morel</h3>
<p class="gb-headline gb-headline-poste">Fondateur et directeur artistique</p></div></div>
<div class="gb-grid-column"><div class="gb-container membre"><figure class="gb-block-image">
<img class="gb-image" src="/wp-content/uploads/camille.jpg" alt=""></figure>
<h3 class="gb-headline gb-headline-name">Camille Laurent</h3>
<p class="gb-headline gb-headline-poste">Directrice générale</p></div></div>
<div class="gb-grid-column"><div class="gb-container membre"><figure class="gb-block-image">
<img class="gb-image" src="/wp-content/uploads/theo.jpg" alt=""></figure>
<h3 class="gb-headline gb-headline-name">Théo Girard</h3>
<p class="gb-headline gb-headline-poste">Chef de projet</p></div></div>
<div class="gb-grid-column"><div class="gb-container membre"><figure class="gb-block-image">
<img class="gb-image" src="/wp-content/uploads/ines.jpg" alt=""></figure>
<h3 class="gb-headline gb-headline-name">Inès Benali</h3>
<p class="gb-headline gb-headline-poste">Développeuse web</p></div></div>
</div>
""",
    {
        "Julien Morel": "Fondateur et directeur artistique",
        "Camille Laurent": "Directrice générale",
        "Théo Girard": "Chef de projet",
        "Inès Benali": "Développeuse web",
    },
)


# --- 12. Astra: a Dutch bookkeeper's colofon with a staff table ------------------------------

page(
    "astra-colofon-nl",
    "https://vandijk-administratie.example.nl/colofon/",
    "Administratiekantoor Van Dijk",
    "nl-NL",
    "astra",
    banner=COMPLIANZ,
    footer="<p>Kerkstraat 14, 3511 LX Utrecht · 030 123 45 67</p>",
    menu=(
        ("/", "Home"),
        ("/diensten/", "Diensten"),
        ("/over-ons/", "Over ons"),
        ("/contact/", "Contact"),
    ),
)(
    """
<h1 class="entry-title">Colofon</h1>
<p>Administratiekantoor Van Dijk B.V.<br>Kerkstraat 14<br>3511 LX Utrecht</p>
<p>KvK-nummer: 30123456<br>BTW-nummer: NL341506321B01<br>IBAN: NL91 ABNA 0417 1643 00</p>
<h2>Wie zijn wij</h2>
<figure class="wp-block-table"><table>
<thead><tr><th>Naam</th><th>Functie</th><th>E-mail</th></tr></thead>
<tbody>
<tr><td>Pieter van Dijk</td><td>Directeur</td><td>pieter@vandijk-administratie.example.nl</td></tr>
<tr><td>Marloes de Vries</td><td>Office manager</td><td>marloes@vandijk-administratie.example.nl
</td></tr>
<tr><td>Bram Hendriks</td><td>Boekhouder</td><td>bram@vandijk-administratie.example.nl</td></tr>
</tbody></table></figure>
<h2>Vormgeving en realisatie</h2>
<p>Website: Studio Zonnig, Amersfoort. Fotografie: Lotte Smit Fotografie.</p>
""",
    {
        "Pieter van Dijk": "Directeur",
        "Marloes de Vries": "Office manager",
        "Bram Hendriks": "Boekhouder",
    },
    {
        "legal_name": "Administratiekantoor Van Dijk B.V.",
        "address": "Kerkstraat 14, 3511 LX Utrecht",
        "vat_id": "NL341506321B01",
    },
)


# --- 13. Weebly: a Dutch restaurant's team with role classes ---------------------------------

page(
    "weebly-restaurant-team-nl",
    "https://dezoutepier.example.nl/ons-team.html",
    "Restaurant De Zoute Pier",
    "nl",
    "weebly",
    footer='<div class="paragraph">Boulevard 3, 4381 AB Vlissingen · di–zo vanaf 12.00 uur</div>',
    menu=(
        ("/", "Home"),
        ("/menukaart.html", "Menukaart"),
        ("/ons-team.html", "Ons team"),
        ("/reserveren.html", "Reserveren"),
    ),
)(
    """
<h2 class="wsite-content-title">Ons team</h2>
<div class="paragraph">Achter elk bord staat een team dat van Zeeland houdt.</div>
<div class="wsite-multicol"><div class="wsite-multicol-table-wrap"><table
class="wsite-multicol-table"><tbody class="wsite-multicol-tbody"><tr class="wsite-multicol-tr">
<td class="wsite-multicol-col team-member"><div class="wsite-image"><img
src="/uploads/sanne.jpg" alt="Foto"></div><h2 class="wsite-content-title team-member__name">Sanne
Bakker</h2><div class="paragraph team-member__role">Eigenaar</div></td>
<td class="wsite-multicol-col team-member"><div class="wsite-image"><img
src="/uploads/ruben.jpg" alt="Foto"></div><h2 class="wsite-content-title team-member__name">Ruben
Jansen</h2><div class="paragraph team-member__role">Chef-kok</div></td>
<td class="wsite-multicol-col team-member"><div class="wsite-image"><img
src="/uploads/fleur.jpg" alt="Foto"></div><h2 class="wsite-content-title team-member__name">Fleur
Visser</h2><div class="paragraph team-member__role">Gastvrouw</div></td>
</tr></tbody></table></div></div>
""",
    {"Sanne Bakker": "Eigenaar", "Ruben Jansen": "Chef-kok", "Fleur Visser": "Gastvrouw"},
)


# --- 14. Enfold: Italian note legali of a dental clinic --------------------------------------

page(
    "enfold-note-legali-it",
    "https://studiodentisticorossi.example.it/note-legali/",
    "Studio Dentistico Rossi",
    "it-IT",
    "enfold",
    banner=COMPLIANZ,
    footer=(
        '<section class="widget"><div class="textwidget"><p>Via Roma 21 – 20121 Milano<br>'
        "Tel. 02 8765 4321</p></div></section>"
    ),
    menu=(
        ("/", "Home"),
        ("/lo-studio/", "Lo studio"),
        ("/trattamenti/", "Trattamenti"),
        ("/contatti/", "Contatti"),
    ),
)(
    """
<div class="flex_column av_one_full first"><section class="av_textblock_section"><div
class="avia_textblock">
<h1>Note legali</h1>
<p><strong>Studio Dentistico Rossi S.r.l.</strong><br>Sede legale: Via Roma 21, 20121
Milano<br>Partita IVA: IT36109760573<br>Capitale sociale € 20.000 i.v.<br>REA MI-2101234</p>
<p>Legale rappresentante: Dott. Marco Rossi</p>
<p>Direttore sanitario: Dott.ssa Giulia Bianchi, iscritta all'Albo degli Odontoiatri di
Milano n. 4567</p>
<h2>Privacy</h2>
<p>Il trattamento dei dati personali avviene nel rispetto del Regolamento (UE) 2016/679.
Responsabile della protezione dei dati (DPO): Privacy Service S.r.l., Torino.</p>
</div></section></div>
""",
    {"Marco Rossi": "Legale rappresentante", "Giulia Bianchi": "Direttore sanitario"},
    {
        "legal_name": "Studio Dentistico Rossi S.r.l.",
        "address": "Via Roma 21, 20121 Milano",
        "vat_id": "IT36109760573",
    },
)


# --- 15. Enfold: an Italian agriturismo's team members (avia team) ---------------------------

page(
    "enfold-agriturismo-team-it",
    "https://poggiodelsole.example.it/chi-siamo/",
    "Agriturismo Poggio del Sole",
    "it-IT",
    "enfold",
    banner=COMPLIANZ,
    footer="<p>Località Poggio 4, 53024 Montalcino (SI)</p>",
    menu=(
        ("/", "Home"),
        ("/camere/", "Camere"),
        ("/chi-siamo/", "Chi siamo"),
        ("/contatti/", "Contatti"),
    ),
)(
    """
<div class="flex_column av_one_full first"><h1>Chi siamo</h1>
<p>Una famiglia, trenta ettari di vigna e ulivi e una cucina che segue le stagioni.</p></div>
<div class="flex_column av_one_third first"><section class="avia-team-member"
itemscope="itemscope" itemtype="https://schema.org/Person"><div class="team-img-container"><img
class="avia_image avia_image_team" src="/wp-content/uploads/alessandro.jpg" alt="Alessandro
Conti" itemprop="image"></div><h3 class="team-member-name" itemprop="name">Alessandro
Conti</h3><div class="team-member-job-title" itemprop="jobTitle">Titolare</div><div
class="team-member-description" itemprop="description"><p>Terza generazione in cantina.</p></div>
</section></div>
<div class="flex_column av_one_third"><section class="avia-team-member" itemscope="itemscope"
itemtype="https://schema.org/Person"><h3 class="team-member-name" itemprop="name">Chiara
Ferri</h3><div class="team-member-job-title" itemprop="jobTitle">Chef</div></section></div>
<div class="flex_column av_one_third"><section class="avia-team-member" itemscope="itemscope"
itemtype="https://schema.org/Person"><h3 class="team-member-name" itemprop="name">Luca
Marino</h3><div class="team-member-job-title" itemprop="jobTitle">Responsabile
dell'accoglienza</div></section></div>
""",
    {
        "Alessandro Conti": "Titolare",
        "Chiara Ferri": "Chef",
        "Luca Marino": "Responsabile dell'accoglienza",
    },
)


# --- 16. Astra: a Spanish plumber's aviso legal ----------------------------------------------

page(
    "astra-aviso-legal-es",
    "https://fontaneriamartin.example.es/aviso-legal/",
    "Fontanería Martín",
    "es-ES",
    "astra",
    banner=COOKIEYES,
    footer="<p>Calle Mayor 8 · 28013 Madrid · 910 123 456</p>",
    menu=(("/", "Inicio"), ("/servicios/", "Servicios"), ("/contacto/", "Contacto")),
)(
    """
<h1 class="entry-title">Aviso legal</h1>
<p>En cumplimiento de la Ley 34/2002, de 11 de julio, de Servicios de la Sociedad de la
Información y de Comercio Electrónico (LSSI-CE), se informa:</p>
<ul>
<li>Titular: Fontanería Martín S.L.</li>
<li>NIF-IVA: ESB32515017</li>
<li>Domicilio: Calle Mayor 8, 28013 Madrid</li>
<li>Inscrita en el Registro Mercantil de Madrid, tomo 12345, folio 67, hoja M-123456</li>
<li>Administrador único: Javier Martín López</li>
<li>Correo electrónico: info@fontaneriamartin.example.es</li>
</ul>
<h2>Propiedad intelectual</h2>
<p>Todos los contenidos del sitio web son propiedad de Fontanería Martín S.L.</p>
""",
    {"Javier Martín López": "Administrador único"},
    {
        "legal_name": "Fontanería Martín S.L.",
        "address": "Calle Mayor 8, 28013 Madrid",
        "vat_id": "ESB32515017",
    },
)


# --- 17. Duda: a Spanish physiotherapy clinic's team ----------------------------------------

page(
    "duda-fisioterapia-equipo",
    "https://fisiosanchez.example.es/equipo",
    "Clínica de Fisioterapia Sánchez",
    "es",
    "duda",
    footer='<div class="dmNewParagraph"><p>Avenida de la Constitución 15, 41001 Sevilla</p></div>',
    menu=(
        ("/", "Inicio"),
        ("/tratamientos", "Tratamientos"),
        ("/equipo", "Equipo"),
        ("/cita", "Pide cita"),
    ),
)(
    """
<div class="dmRespRow"><div class="dmRespColsWrapper"><div class="dmRespCol large-12">
<h1 class="dmNewParagraph"><span>Nuestro equipo</span></h1></div></div></div>
<div class="dmRespRow"><div class="dmRespColsWrapper">
<div class="dmRespCol large-4"><div class="dmNewParagraph"><h3>Laura Sánchez Ruiz</h3>
<p>Directora y fisioterapeuta</p><p>Colegiada n.º 4321</p></div></div>
<div class="dmRespCol large-4"><div class="dmNewParagraph"><h3>Pablo Ortega</h3>
<p>Fisioterapeuta</p><p>Colegiado n.º 5678</p></div></div>
<div class="dmRespCol large-4"><div class="dmNewParagraph"><h3>Marta Gil</h3>
<p>Recepcionista</p></div></div>
</div></div>
<div class="dmRespRow"><div class="dmRespColsWrapper"><div class="dmRespCol large-12"><div
class="dmNewParagraph"><p>Trabajamos con las principales mutuas: Sanitas, Adeslas, DKV y
Asisa.</p></div></div></div></div>
""",
    {
        "Laura Sánchez Ruiz": "Directora y fisioterapeuta",
        "Pablo Ortega": "Fisioterapeuta",
        "Marta Gil": "Recepcionista",
    },
)


# --- 18. Weebly: a Swedish builder's about page ---------------------------------------------

page(
    "weebly-bygg-om-oss-se",
    "https://lindqvistbygg.example.se/om-oss.html",
    "Lindqvist Bygg AB",
    "sv",
    "weebly",
    footer=(
        '<div class="paragraph">Lindqvist Bygg AB · Verkstadsgatan 5, 753 23 Uppsala · Org.nr '
        "556780-0007 · Momsreg.nr SE556780000701 · Innehar F-skattsedel</div>"
    ),
    menu=(
        ("/", "Hem"),
        ("/tjanster.html", "Tjänster"),
        ("/om-oss.html", "Om oss"),
        ("/kontakt.html", "Kontakt"),
    ),
)(
    """
<h2 class="wsite-content-title">Om oss</h2>
<div class="paragraph">Vi är ett lokalt byggföretag i Uppsala som sedan 2005 bygger om kök,
badrum och hela hus. Ring oss gärna!</div>
<div class="paragraph"><strong>Erik Lindqvist</strong>, VD<br>070-123 45 67<br><a
href="mailto:erik@lindqvistbygg.example.se">erik@lindqvistbygg.example.se</a><br><br>
<strong>Anna Berglund</strong>, Ekonomiansvarig<br>070-234 56 78<br><a
href="mailto:anna@lindqvistbygg.example.se">anna@lindqvistbygg.example.se</a><br><br>
<strong>Johan Ek</strong>, Arbetsledare<br>070-345 67 89</div>
""",
    {"Erik Lindqvist": "VD", "Anna Berglund": "Ekonomiansvarig", "Johan Ek": "Arbetsledare"},
    {"vat_id": "SE556780000701"},
)


# --- 19. Duda: a Danish plumber's contact page -----------------------------------------------

page(
    "duda-vvs-kontakt-dk",
    "https://jensen-vvs.example.dk/kontakt",
    "Jensen VVS ApS",
    "da",
    "duda",
    banner=COOKIEBOT,
    footer=(
        '<div class="dmNewParagraph"><p>Jensen VVS ApS · Industrivej 12 · 8600 Silkeborg · '
        "CVR-nr. 60457751</p></div>"
    ),
    menu=(("/", "Forside"), ("/ydelser", "Ydelser"), ("/kontakt", "Kontakt")),
)(
    """
<div class="dmRespRow"><div class="dmRespColsWrapper"><div class="dmRespCol large-12">
<h1 class="dmNewParagraph"><span>Kontakt os</span></h1>
<div class="dmNewParagraph"><p>Vagttelefon døgnet rundt: 86 80 12 34</p></div></div></div></div>
<div class="dmRespRow"><div class="dmRespColsWrapper">
<div class="dmRespCol large-6"><div class="dmNewParagraph"><h3>Mads Jensen</h3>
<p>Indehaver</p><p>Tlf. 20 11 22 33<br><a href="mailto:mj@jensen-vvs.example.dk">
mj@jensen-vvs.example.dk</a></p></div></div>
<div class="dmRespCol large-6"><div class="dmNewParagraph"><h3>Louise Holm</h3>
<p>Kontorchef</p><p>Tlf. 20 44 55 66<br><a href="mailto:lh@jensen-vvs.example.dk">
lh@jensen-vvs.example.dk</a></p></div></div>
</div></div>
""",
    {"Mads Jensen": "Indehaver", "Louise Holm": "Kontorchef"},
)


# --- 20. GeneratePress: a Norwegian accountancy's staff list ---------------------------------

page(
    "generatepress-regnskap-ansatte-no",
    "https://haugenregnskap.example.no/ansatte/",
    "Haugen Regnskap AS",
    "nb-NO",
    "generatepress",
    footer="Haugen Regnskap AS · Storgata 10, 2609 Lillehammer · Org.nr. 987 654 325 MVA",
    menu=(
        ("/", "Hjem"),
        ("/tjenester/", "Tjenester"),
        ("/ansatte/", "Ansatte"),
        ("/kontakt/", "Kontakt"),
    ),
)(
    """
<h1 class="entry-title">Våre ansatte</h1>
<ul class="ansatte">
<li><strong>Ingrid Haugen</strong> – Daglig leder og autorisert regnskapsfører</li>
<li><strong>Kari Solberg</strong> – Autorisert regnskapsfører</li>
<li><strong>Magnus Eide</strong> – Lønnsansvarlig</li>
</ul>
<p>Vi er autorisert av Finanstilsynet og medlem av Regnskap Norge.</p>
""",
    {
        "Ingrid Haugen": "Daglig leder og autorisert regnskapsfører",
        "Kari Solberg": "Autorisert regnskapsfører",
        "Magnus Eide": "Lønnsansvarlig",
    },
)


# --- 21. Astra: a Polish car workshop's contact page, "Role: Name" lines -------------------

page(
    "astra-warsztat-kontakt-pl",
    "https://autoserwis-nowak.example.pl/kontakt/",
    "Auto Serwis Nowak",
    "pl-PL",
    "astra",
    banner=COOKIEYES,
    footer="<p>Auto Serwis Nowak · ul. Długa 17, 31-147 Kraków · NIP 843-872-70-27</p>",
    menu=(("/", "Strona główna"), ("/uslugi/", "Usługi"), ("/kontakt/", "Kontakt")),
)(
    """
<h1 class="entry-title">Kontakt</h1>
<p>Zapraszamy od poniedziałku do piątku w godz. 8–17, w soboty 8–13.</p>
<p>Właściciel: Tomasz Nowak<br>tel. 600 123 456</p>
<p>Kierownik biura: Agnieszka Wiśniewska<br>tel. 12 345 67 89<br>
<a href="mailto:biuro@autoserwis-nowak.example.pl">biuro@autoserwis-nowak.example.pl</a></p>
<p>Mistrz mechanik: Krzysztof Zieliński</p>
<iframe src="https://www.google.com/maps/embed?pb=!1m18" width="600" height="300"
loading="lazy" title="Mapa dojazdu"></iframe>
""",
    {
        "Tomasz Nowak": "Właściciel",
        "Agnieszka Wiśniewska": "Kierownik biura",
        "Krzysztof Zieliński": "Mistrz mechanik",
    },
)


# --- 22. Weebly: a Portuguese estate agency's team ----------------------------------------

page(
    "weebly-imobiliaria-equipa-pt",
    "https://casaferreira.example.pt/equipa.html",
    "Casa Ferreira Imobiliária",
    "pt-PT",
    "weebly",
    footer=(
        '<div class="paragraph">Casa Ferreira – Mediação Imobiliária, Lda. · Rua Augusta 100, '
        "1100-053 Lisboa · NIF 610992368 · AMI 12345</div>"
    ),
    menu=(
        ("/", "Início"),
        ("/imoveis.html", "Imóveis"),
        ("/equipa.html", "Equipa"),
        ("/contactos.html", "Contactos"),
    ),
)(
    """
<h2 class="wsite-content-title">A nossa equipa</h2>
<div class="paragraph">Conhecemos Lisboa rua a rua.</div>
<div class="wsite-multicol"><table class="wsite-multicol-table"><tbody><tr>
<td class="wsite-multicol-col"><h2 class="wsite-content-title">Rui Ferreira</h2><div
class="paragraph">Sócio-gerente<br>rui@casaferreira.example.pt</div></td>
<td class="wsite-multicol-col"><h2 class="wsite-content-title">Ana Costa</h2><div
class="paragraph">Consultora imobiliária<br>ana@casaferreira.example.pt</div></td>
<td class="wsite-multicol-col"><h2 class="wsite-content-title">Miguel Sousa</h2><div
class="paragraph">Consultor imobiliário<br>miguel@casaferreira.example.pt</div></td>
</tr></tbody></table></div>
""",
    {
        "Rui Ferreira": "Sócio-gerente",
        "Ana Costa": "Consultora imobiliária",
        "Miguel Sousa": "Consultor imobiliário",
    },
)


# --- 23. GeneratePress: a US HVAC company, JSON-LD Organization with employees ---------------

_HVAC_LD = """<script type="application/ld+json">
{"@context": "https://schema.org",
 "@type": "HVACBusiness",
 "name": "Cooper & Sons Heating and Air",
 "legalName": "Cooper & Sons Heating and Air LLC",
 "url": "https://coopersonshvac.example.com/",
 "telephone": "+1-614-555-0142",
 "address": {"@type": "PostalAddress", "streetAddress": "4410 Commerce Dr",
   "addressLocality": "Columbus", "addressRegion": "OH", "postalCode": "43228"},
 "openingHours": "Mo-Fr 07:00-19:00",
 "founder": {"@type": "Person", "name": "Dale Cooper", "jobTitle": "Founder"},
 "employee": [
   {"@type": "Person", "name": "Ryan Cooper", "jobTitle": "President"},
   {"@type": "Person", "name": "Tasha Greene", "jobTitle": "Service Manager"}
 ]}
</script>"""

page(
    "generatepress-hvac-jsonld",
    "https://coopersonshvac.example.com/about-us/",
    "Cooper &amp; Sons Heating and Air",
    "en-US",
    "generatepress",
    head=_HVAC_LD,
    banner=COMPLIANZ,
    footer="© 2024 Cooper &amp; Sons Heating and Air LLC · License #HVAC.47123",
)(
    """
<h1 class="entry-title">About Cooper &amp; Sons</h1>
<p>Three generations of comfort in Central Ohio. Dale Cooper started the company out of his
garage in 1979; today his son Ryan leads a crew of sixteen NATE-certified technicians.</p>
<h2>Our Promise</h2>
<ul><li>Upfront, flat-rate pricing</li><li>Same-day service</li><li>100% satisfaction
guarantee</li></ul>
<p><a class="button" href="/schedule/">Schedule service</a></p>
""",
    {"Dale Cooper": "Founder", "Ryan Cooper": "President", "Tasha Greene": "Service Manager"},
    {
        "legal_name": "Cooper & Sons Heating and Air LLC",
        "address": "4410 Commerce Dr, Columbus, OH 43228",
        "opening_hours": "Mo-Fr 07:00-19:00",
    },
)


# --- 24. Astra: a British solicitors' team in microdata ----------------------------------

page(
    "astra-solicitors-microdata",
    "https://harlowfinch.example.co.uk/our-team/",
    "Harlow Finch Solicitors",
    "en-GB",
    "astra",
    banner=COOKIEYES,
    footer=(
        "<p>Harlow Finch Solicitors is the trading name of Harlow Finch Ltd, a company "
        "registered in England and Wales with company number 09876541. Authorised and "
        "regulated by the Solicitors Regulation Authority (SRA No. 612345).</p>"
    ),
)(
    """
<h1 class="entry-title">Our Team</h1>
<div class="team" itemscope itemtype="https://schema.org/LegalService">
<meta itemprop="name" content="Harlow Finch Solicitors">
<div class="team-member" itemprop="employee" itemscope itemtype="https://schema.org/Person">
<img itemprop="image" src="/wp-content/uploads/rfinch.jpg" alt="">
<h2 itemprop="name">Rebecca Finch</h2>
<p itemprop="jobTitle">Director &amp; Head of Family Law</p>
<a itemprop="email" href="mailto:r.finch@harlowfinch.example.co.uk">
r.finch@harlowfinch.example.co.uk</a></div>
<div class="team-member" itemprop="employee" itemscope itemtype="https://schema.org/Person">
<img itemprop="image" src="/wp-content/uploads/aharlow.jpg" alt="">
<h2 itemprop="name">Andrew Harlow</h2>
<p itemprop="jobTitle">Director, Conveyancing</p></div>
<div class="team-member" itemprop="employee" itemscope itemtype="https://schema.org/Person">
<img itemprop="image" src="/wp-content/uploads/pokafor.jpg" alt="">
<h2 itemprop="name">Precious Okafor</h2>
<p itemprop="jobTitle">Trainee Solicitor</p></div>
</div>
""",
    {
        "Rebecca Finch": "Director & Head of Family Law",
        "Andrew Harlow": "Director, Conveyancing",
        "Precious Okafor": "Trainee Solicitor",
    },
    {"company_number": "09876541"},
)


# --- 25. Enfold: a German Kontakt page with an "Ansprechpartner" table -------------------

page(
    "enfold-ansprechpartner-tabelle",
    "https://kraus-metallbau.example.de/kontakt/",
    "Kraus Metallbau",
    "de-DE",
    "enfold",
    banner=BORLABS,
    footer=(
        '<section class="widget"><div class="textwidget"><p>Kraus Metallbau GmbH &amp; Co. KG'
        "<br>Gewerbering 3, 94469 Deggendorf</p></div></section>"
    ),
    menu=(
        ("/", "Start"),
        ("/leistungen/", "Leistungen"),
        ("/referenzen/", "Referenzen"),
        ("/kontakt/", "Kontakt"),
    ),
)(
    """
<div class="flex_column av_one_full first"><div class="avia_textblock">
<h1>Kontakt</h1>
<p>Sie erreichen uns Montag bis Donnerstag von 7 bis 16.30 Uhr und freitags bis 12 Uhr.</p>
<h2>Ihre Ansprechpartner</h2></div>
<div class="avia-table main_color avia-builder-el-3"><table class="avia-table avia-data-table
avia_pricing_minimal" itemscope="itemscope" itemtype="https://schema.org/Table">
<thead><tr class="avia-heading-row"><th>Name</th><th>Funktion</th><th>Telefon</th>
<th>E-Mail</th></tr></thead>
<tbody>
<tr><td>Stefan Kraus</td><td>Geschäftsführer</td><td>0991 123450</td>
<td>s.kraus@kraus-metallbau.example.de</td></tr>
<tr><td>Petra Lang</td><td>Leiterin Buchhaltung</td><td>0991 123452</td>
<td>p.lang@kraus-metallbau.example.de</td></tr>
<tr><td>Ahmet Yılmaz</td><td>Werkstattmeister</td><td>0991 123455</td>
<td>a.yilmaz@kraus-metallbau.example.de</td></tr>
<tr><td>Lena Fuchs</td><td>Technische Zeichnerin</td><td>0991 123457</td>
<td>l.fuchs@kraus-metallbau.example.de</td></tr>
</tbody></table></div></div>
""",
    {
        "Stefan Kraus": "Geschäftsführer",
        "Petra Lang": "Leiterin Buchhaltung",
        "Ahmet Yılmaz": "Werkstattmeister",
        "Lena Fuchs": "Technische Zeichnerin",
    },
)


# --- 26. Hand-written: a primary school's staff list with honorifics -----------------------

page(
    "html2008-school-staff",
    "http://www.stmaryscofeprimary.example.sch.uk/staff.html",
    "St Mary's C of E Primary School - Staff",
    "en-GB",
    "html2008",
    footer="St Mary's C of E Primary School, Church Lane, Thornbury, Bristol BS35 2AA",
    menu=(
        ("index.html", "Home"),
        ("staff.html", "Staff"),
        ("letters.html", "Letters Home"),
        ("contact.html", "Contact"),
    ),
)(
    """
<table width="100%" cellpadding="12"><tr><td>
<font face="Comic Sans MS, Arial" size="4" color="#006600"><b>Our Staff</b></font>
<table border="1" cellpadding="5" cellspacing="0" bordercolor="#99CC99" width="90%">
<tr bgcolor="#CCFFCC"><th><font face="Arial" size="2">Name</font></th><th><font face="Arial"
size="2">Role</font></th></tr>
<tr><td><font face="Arial" size="2">Mrs Jaswinder Patel</font></td><td><font face="Arial"
size="2">Headteacher</font></td></tr>
<tr><td><font face="Arial" size="2">Mr David Hollis</font></td><td><font face="Arial"
size="2">Deputy Headteacher</font></td></tr>
<tr><td><font face="Arial" size="2">Miss Amy Turner</font></td><td><font face="Arial"
size="2">Year 2 Teacher</font></td></tr>
<tr><td><font face="Arial" size="2">Mrs Linda Green</font></td><td><font face="Arial"
size="2">School Business Manager</font></td></tr>
</table>
<p><font face="Arial" size="2">Our school is named after St Mary the Virgin, whose church
stands next door.</font></p>
</td></tr></table>
""",
    {
        "Jaswinder Patel": "Headteacher",
        "David Hollis": "Deputy Headteacher",
        "Amy Turner": "Year 2 Teacher",
        "Linda Green": "School Business Manager",
    },
)


# --- 27. Weebly: a dog groomer's team with the shop dog -----------------------------------

page(
    "weebly-groomer-team-dog",
    "https://pawfectgrooming.example.co.uk/meet-the-team.html",
    "Pawfect Grooming",
    "en-GB",
    "weebly",
    footer='<div class="paragraph">Unit 2, Riverside Yard, Bakewell DE45 1BX · 01629 555 321</div>',
)(
    """
<h2 class="wsite-content-title">Meet the Team</h2>
<div class="wsite-multicol"><table class="wsite-multicol-table"><tbody><tr>
<td class="wsite-multicol-col"><div class="wsite-image"><img src="/uploads/holly.jpg"
alt="Holly"></div><h2 class="wsite-content-title">Holly Shaw</h2><div class="paragraph">Owner
&amp; Head Groomer<br>City &amp; Guilds Level 3 qualified</div></td>
<td class="wsite-multicol-col"><div class="wsite-image"><img src="/uploads/megan.jpg"
alt="Megan"></div><h2 class="wsite-content-title">Megan Reid</h2><div class="paragraph">Dog
Groomer</div></td>
<td class="wsite-multicol-col"><div class="wsite-image"><img src="/uploads/biscuit.jpg"
alt="Biscuit"></div><h2 class="wsite-content-title">Biscuit</h2><div class="paragraph">Shop
Dog &amp; Chief Greeter</div></td>
</tr></tbody></table></div>
""",
    {"Holly Shaw": "Owner & Head Groomer", "Megan Reid": "Dog Groomer"},
)


# --- 28. HubSpot: a SaaS start-up's about page with JSON-LD founder ------------------------

_SAAS_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Organization",
 "name": "Tallyfox", "legalName": "Tallyfox Software Ltd",
 "url": "https://tallyfox.example.io/",
 "founder": [
   {"@type": "Person", "name": "Marcus Lee", "jobTitle": "Co-founder & CEO"},
   {"@type": "Person", "name": "Isabel Duarte", "jobTitle": "Co-founder & CTO"}
 ],
 "sameAs": ["https://www.linkedin.com/company/tallyfox"]}
</script>"""

page(
    "hubspot-saas-about-jsonld",
    "https://tallyfox.example.io/about",
    "About Tallyfox",
    "en",
    "hubspot",
    head=_SAAS_LD,
    footer="<p>© 2024 Tallyfox Software Ltd. All rights reserved.</p>",
    menu=(("/", "Product"), ("/pricing", "Pricing"), ("/about", "About"), ("/blog", "Blog")),
)(
    """
<div class="row-fluid"><div class="span12 widget-span"><div class="hs_cos_wrapper
hs_cos_wrapper_widget hs_cos_wrapper_type_rich_text">
<h1>Stocktakes that take minutes, not weekends</h1>
<p>Tallyfox started in 2021 when two friends who had run a bar and a warehouse got tired of
clipboards. Today more than 2,000 hospitality venues count their stock with us.</p>
<h2>Backed by</h2>
<p>Seedcamp, Ada Ventures and angels from the hospitality industry.</p>
</div></div></div>
""",
    {"Marcus Lee": "Co-founder & CEO", "Isabel Duarte": "Co-founder & CTO"},
    {"legal_name": "Tallyfox Software Ltd"},
)


# --- 29. Astra: a roofer's about page, the founding brothers in prose -----------------------

page(
    "astra-roofing-founders-prose",
    "https://ellisroofing.example.co.uk/about/",
    "Ellis Brothers Roofing",
    "en-GB",
    "astra",
    banner=COMPLIANZ,
    footer="<p>Ellis Brothers Roofing Ltd · Company No. 03567812 · Leeds LS12 6HH</p>",
)(
    """
<h1 class="entry-title">About Us</h1>
<p>Ellis Brothers Roofing was founded in 1998 by brothers Tom and Mark Ellis, both time-served
roofers. Tom Ellis, our Managing Director, still prices every job himself, while Mark Ellis,
our Operations Director, looks after the crews and the yard.</p>
<p>Our estimator, Sophie Clarke, will visit, survey and send a written quote within 48
hours.</p>
<p>We are members of the National Federation of Roofing Contractors and TrustMark
registered.</p>
""",
    {
        "Tom Ellis": "Managing Director",
        "Mark Ellis": "Operations Director",
        "Sophie Clarke": "Estimator",
    },
    {"company_number": "03567812"},
)


# --- 30. Avada: an Austrian Impressum (e.U., UID) ---------------------------------------------

page(
    "avada-impressum-at",
    "https://tischlerei-huber.example.at/impressum/",
    "Tischlerei Huber",
    "de-AT",
    "avada",
    banner=BORLABS,
    footer=(
        '<div class="fusion-column col-lg-4"><p>Tischlerei Huber e.U.<br>Salzburger Straße 18'
        "<br>5020 Salzburg</p></div>"
    ),
    menu=(
        ("/", "Start"),
        ("/moebel/", "Möbel"),
        ("/kontakt/", "Kontakt"),
        ("/impressum/", "Impressum"),
    ),
)(
    """
<div class="fusion-text fusion-text-1">
<h1>Impressum</h1>
<p>Informationspflicht laut § 5 E-Commerce Gesetz, § 14 Unternehmensgesetzbuch, § 63
Gewerbeordnung und Offenlegungspflicht laut § 25 Mediengesetz.</p>
<p>Tischlerei Huber e.U.<br>Inhaber: Florian Huber<br>Salzburger Straße 18,<br>5020
Salzburg,<br>Österreich</p>
<p><strong>Unternehmensgegenstand:</strong> Tischlerei<br>
<strong>UID-Nummer:</strong> ATU17443960<br>
<strong>Firmenbuchnummer:</strong> FN 512345 a<br>
<strong>Firmenbuchgericht:</strong> Landesgericht Salzburg<br>
<strong>Firmensitz:</strong> Salzburg</p>
<p>Tel.: +43 662 123456<br>E-Mail: office@tischlerei-huber.example.at</p>
<p><strong>Mitglied bei:</strong> WKO, Landesinnung der Tischler<br>
<strong>Aufsichtsbehörde/Gewerbebehörde:</strong> Magistrat der Stadt Salzburg</p>
<p>Bildquellen: Florian Huber, unsplash.com</p>
</div>
""",
    {"Florian Huber": "Inhaber"},
    {"legal_name": "Tischlerei Huber e.U.", "vat_id": "ATU17443960"},
)


# --- 31. GeneratePress: an English clinic with the mailto link text --------------------------

page(
    "generatepress-physio-mailto",
    "https://brightonphysio.example.co.uk/contact/",
    "Brighton Sports Physio",
    "en-GB",
    "generatepress",
    banner=COOKIEYES,
    footer="© 2024 Brighton Sports Physio · 44 Western Road, Hove BN3 1AF",
)(
    """
<h1 class="entry-title">Contact us</h1>
<p>Appointments: 01273 555 909 (Mon–Sat)</p>
<h2>Clinic team</h2>
<p><strong>Clinic Director:</strong> <a href="mailto:oliver.grant@brightonphysio.example.co.uk">
Oliver Grant</a></p>
<p><strong>Practice Manager:</strong> <a href="mailto:nadia.hussain@brightonphysio.example.co.uk">
Nadia Hussain</a></p>
<p>For invoices and insurers, please email <a href="mailto:accounts@brightonphysio.example.co.uk">
accounts@brightonphysio.example.co.uk</a>.</p>
<p>We are registered with the HCPC and recognised by Bupa, AXA Health and Vitality.</p>
""",
    {"Oliver Grant": "Clinic Director", "Nadia Hussain": "Practice Manager"},
)


# ============================ decoys: nobody on these pages ============================

# --- D1. Astra: testimonials with the clients' job titles ------------------------------------

page(
    "astra-testimonials-decoy",
    "https://hughesplumbing.example.co.uk/testimonials/",
    "Hughes Plumbing &amp; Heating",
    "en-GB",
    "astra",
    banner=COOKIEYES,
    footer="<p>© 2024 Hughes Plumbing &amp; Heating Ltd.</p>",
)(
    """
<h1 class="entry-title">What our customers say</h1>
<div class="wp-block-group testimonials">
<blockquote class="wp-block-quote"><p>Boiler replaced in a day, spotless work and a fair
price. Would recommend to anyone.</p><cite>Sarah Whitfield, Homeowner, Chester</cite>
</blockquote>
<blockquote class="wp-block-quote"><p>They maintain all the heating in our halls of residence
and are always quick to respond.</p><cite>David Okafor, Facilities Manager, Wirral Metropolitan
College</cite></blockquote>
<blockquote class="wp-block-quote"><p>Great service from start to finish.</p><cite>— Mrs J.
Roberts, Mold</cite></blockquote>
</div>
<p><a href="https://www.checkatrade.com/">Read more reviews on Checkatrade</a></p>
""",
)


# --- D2. Avada: a German dentist's Google-reviews widget -----------------------------------

page(
    "avada-google-reviews-decoy",
    "https://zahnarzt-vogel.example.de/bewertungen/",
    "Zahnarztpraxis Vogel – Bewertungen",
    "de-DE",
    "avada",
    banner=BORLABS,
    footer='<div class="fusion-column col-lg-4"><p>Königstraße 41, 70173 Stuttgart</p></div>',
)(
    """
<h1>Das sagen unsere Patienten</h1>
<div class="ti-widget ti-goog ti-review-widget"><div class="ti-widget-container">
<div class="ti-header"><span class="ti-rating-text">AUSGEZEICHNET</span><span
class="ti-stars">★★★★★</span><span>Basierend auf 214 Bewertungen</span></div>
<div class="ti-reviews-container"><div class="ti-review-item"><div class="ti-review-header">
<div class="ti-profile-details"><div class="ti-name">Jana Kowalski</div><div
class="ti-date">vor 2 Wochen</div></div></div><div class="ti-review-content">Sehr einfühlsame
Behandlung, die Ärztin nimmt sich viel Zeit.</div></div>
<div class="ti-review-item"><div class="ti-profile-details"><div class="ti-name">Michael
Schuster</div><div class="ti-date">vor einem Monat</div><div class="ti-local-guide">Local
Guide · 34 Rezensionen</div></div><div class="ti-review-content">Top Praxis, kurze
Wartezeiten.</div></div>
<div class="ti-review-item"><div class="ti-profile-details"><div class="ti-name">S.
Öztürk</div><div class="ti-date">vor 3 Monaten</div></div><div class="ti-review-content">Das
ganze Team ist super freundlich!</div></div>
</div><div class="ti-footer">Verifiziert durch Trustindex</div></div></div>
""",
)


# --- D3. GeneratePress: a guest post with byline, author box and comments ----------------

page(
    "generatepress-guest-post-decoy",
    "https://brightonphysio.example.co.uk/blog/running-injuries-winter/",
    "Five winter running injuries – Brighton Sports Physio",
    "en-GB",
    "generatepress",
    banner=COOKIEYES,
    footer="© 2024 Brighton Sports Physio",
    menu=(
        ("/", "Home"),
        ("/treatments/", "Treatments"),
        ("/blog/", "Blog"),
        ("/contact/", "Contact"),
    ),
)(
    """
<header class="entry-header"><h1 class="entry-title" itemprop="headline">Five winter running
injuries and how to avoid them</h1><div class="entry-meta"><span class="posted-on"><time
class="entry-date published" datetime="2024-01-15T09:00:00+00:00">January 15, 2024</time>
</span> <span class="byline">by <span class="author vcard" itemprop="author" itemscope
itemtype="https://schema.org/Person"><a class="url fn n" href="/author/helenshaw/"
title="View all posts by Helen Shaw" rel="author" itemprop="url"><span class="author-name"
itemprop="name">Helen Shaw</span></a></span></span></div></header>
<p><em>Guest post by Dr Helen Shaw, Consultant in Sport and Exercise Medicine at Sussex
Orthopaedic Centre.</em></p>
<p>Cold muscles, icy pavements and dark evenings all add up. Here are the five injuries we
see most from January to March...</p>
<div class="author-box"><div class="avatar"><img src="/avatars/helen.jpg" alt=""></div><div
class="author-box-content"><h4>About Helen Shaw</h4><p>Helen is a consultant at Sussex
Orthopaedic Centre and a keen fell runner.</p></div></div>
<div id="comments"><h3 class="comments-title">2 thoughts on “Five winter running
injuries”</h3><ol class="comment-list"><li class="comment" id="comment-88"><article
class="comment-body"><footer class="comment-meta"><div class="comment-author-info"><div
class="comment-author vcard"><cite itemprop="name" class="fn">Gary Thompson</cite></div>
<div class="entry-meta comment-metadata"><time datetime="2024-01-16T18:22:05+00:00">January
16, 2024 at 6:22 pm</time></div></div></footer><div class="comment-content"><p>Really
useful, thanks. My calf always goes in the cold!</p></div></article></li>
<li class="comment" id="comment-91"><article class="comment-body"><footer
class="comment-meta"><div class="comment-author vcard"><cite class="fn">Priyanka Desai</cite>
</div></footer><div class="comment-content"><p>Shared with my running club.</p></div>
</article></li></ol></div>
""",
)


# --- D4. HubSpot: a webinar landing page with outside speakers ------------------------------

page(
    "hubspot-webinar-speakers-decoy",
    "https://northlight.example.co.uk/webinars/b2b-seo-2025",
    "Webinar: B2B SEO in 2025",
    "en-GB",
    "hubspot",
    footer="<p>© 2024 Northlight Digital Ltd.</p>",
)(
    """
<div class="row-fluid"><div class="span12 widget-span"><section class="landing-hero">
<h1>B2B SEO in 2025: what actually works</h1><p>Free webinar · Thursday 6 February, 2pm
GMT · 45 minutes + Q&amp;A</p></section>
<section class="speakers"><h2>Speakers</h2>
<div class="speaker"><img src="/hubfs/speakers/priya.jpg" alt=""><h3>Priya Raman</h3><p>Head
of Digital, Acme Retail Group</p></div>
<div class="speaker"><img src="/hubfs/speakers/jonas.jpg" alt=""><h3>Jonas Berg</h3><p>CTO,
Fjord Analytics</p></div>
<div class="speaker"><img src="/hubfs/speakers/claire.jpg" alt=""><h3>Claire Dubois</h3>
<p>SEO Lead, Maison Verte</p></div>
</section>
<section class="form"><h2>Save your seat</h2><form class="hs-form"><label>First name<input
name="firstname"></label><label>Last name<input name="lastname"></label><label>Job
title<input name="jobtitle"></label><label>Company<input name="company"></label><input
type="submit" value="Register"></form></section></div></div>
""",
)


# --- D5. Astra: a Dutch award's jury list -----------------------------------------------------

page(
    "astra-award-jury-nl-decoy",
    "https://vandijk-administratie.example.nl/nieuws/mkb-award-2024/",
    "Administratiekantoor Van Dijk",
    "nl-NL",
    "astra",
    banner=COMPLIANZ,
    footer="<p>Kerkstraat 14, 3511 LX Utrecht</p>",
    menu=(("/", "Home"), ("/nieuws/", "Nieuws"), ("/contact/", "Contact")),
)(
    """
<h1 class="entry-title">Genomineerd voor de Utrechtse MKB Award 2024</h1>
<p class="post-meta">12 september 2024 · Nieuws</p>
<p>We zijn trots: ons kantoor is een van de vijf genomineerden voor de Utrechtse MKB Award in
de categorie Dienstverlening.</p>
<h2>De jury</h2>
<ul>
<li>prof. dr. Els de Wit (voorzitter), Universiteit Utrecht</li>
<li>Hans Brouwer, directeur Ondernemershuis Utrecht</li>
<li>Yasmina El Amrani, eigenaar Koffiebranderij Oost</li>
</ul>
<p>De winnaar wordt bekendgemaakt op 14 november in TivoliVredenburg.</p>
""",
)


# --- D6. HubSpot: a client list and a case study --------------------------------------------

page(
    "hubspot-case-study-decoy",
    "https://northlight.example.co.uk/work/hartley-removals",
    "Case study: Hartley &amp; Sons Removals",
    "en-GB",
    "hubspot",
    footer="<p>© 2024 Northlight Digital Ltd.</p>",
)(
    """
<div class="row-fluid"><div class="span12 widget-span">
<h1>Hartley &amp; Sons Removals: 3x more quote requests</h1>
<p>Client: Hartley &amp; Sons Removals, Bolton · Sector: Logistics · Services: SEO, web
design</p>
<blockquote><p>"Northlight understood our customers better than we did."</p><p>— Ben
Hartley, Director, Hartley &amp; Sons Removals</p></blockquote>
<h2>Some of our clients</h2>
<ul class="client-logos"><li><img src="/hubfs/logos/hartley.png" alt="Hartley &amp;
Sons"></li><li><img src="/hubfs/logos/whitworth.png" alt="Whitworth Dental"></li><li><img
src="/hubfs/logos/marsden.png" alt="Marsden Building Society"></li><li><img
src="/hubfs/logos/ada-lovelace.png" alt="Ada Lovelace Academy"></li></ul>
</div></div>
""",
)


# --- D7. Enfold: a German job ad -----------------------------------------------------------

page(
    "enfold-stellenanzeige-decoy",
    "https://elektro-brandt.example.de/karriere/elektroniker/",
    "Elektro Brandt GmbH",
    "de-DE",
    "enfold",
    banner=BORLABS,
    footer='<section class="widget"><p>Industriestraße 7 · 33602 Bielefeld</p></section>',
)(
    """
<div class="avia_textblock">
<h1>Elektroniker für Energie- und Gebäudetechnik (m/w/d)</h1>
<p>Vollzeit · unbefristet · Bielefeld</p>
<h3>Ihre Aufgaben</h3>
<ul><li>Installation von Elektroanlagen in Neubau und Bestand</li><li>Montage von PV-Anlagen
und Wallboxen</li><li>Störungssuche und Kundendienst</li></ul>
<h3>Ihr Profil</h3>
<ul><li>Abgeschlossene Ausbildung als Elektroniker (m/w/d)</li><li>Führerschein Klasse B</li>
</ul>
<h3>Wir bieten</h3>
<ul><li>Übertarifliche Bezahlung, 30 Tage Urlaub</li><li>Firmenwagen und
Diensthandy</li></ul>
<p>Bewerbung bitte per E-Mail an <a href="mailto:bewerbung@elektro-brandt.example.de">
bewerbung@elektro-brandt.example.de</a> – wir melden uns innerhalb einer Woche.</p>
</div>
""",
)


# --- D8. Weebly: press quotes about a café --------------------------------------------------

page(
    "weebly-press-quotes-decoy",
    "https://thelittlewren.example.com.au/press.html",
    "The Little Wren Café",
    "en-AU",
    "weebly",
    footer='<div class="paragraph">12 Beach Road, Torquay VIC 3228</div>',
)(
    """
<h2 class="wsite-content-title">In the press</h2>
<div class="paragraph"><em>"The best flat white on the Surf Coast, and a banana bread worth
the drive."</em><br>— Claire Hampton, Good Food Guide</div>
<div class="paragraph"><em>"A tiny café with a big heart."</em><br>— Daniel Foster, Geelong
Advertiser, March 2023</div>
<div class="paragraph">Featured in Broadsheet's "Ten cafés worth the detour" (2022).</div>
""",
)


# --- D9. Enfold: an Austrian history page, streets and halls named after people -------------

page(
    "enfold-geschichte-wien-decoy",
    "https://cafe-hofbauer.example.at/geschichte/",
    "Café Hofbauer",
    "de-AT",
    "enfold",
    banner=BORLABS,
    footer=(
        '<section class="widget"><p>Café Hofbauer · Johann-Strauss-Gasse 12 · 1040 Wien</p>'
        "</section>"
    ),
    menu=(
        ("/", "Start"),
        ("/karte/", "Karte"),
        ("/geschichte/", "Geschichte"),
        ("/kontakt/", "Kontakt"),
    ),
)(
    """
<div class="avia_textblock">
<h1>Unsere Geschichte</h1>
<p>1889 eröffnete der Zuckerbäcker Franz Xaver Hofbauer (1851–1923) sein Kaffeehaus in der
damaligen Heugasse, der heutigen Johann-Strauss-Gasse. Nach seinem Tod führte die Familie das
Haus bis 1938 weiter.</p>
<p>Heute finden Sie uns wenige Schritte vom Karl-Marx-Hof-Stüberl entfernt; unser
Veranstaltungsraum, der Anton-Bruckner-Saal, bietet Platz für 60 Gäste. Die Torte „Kaiserin
Elisabeth“ backen wir noch nach dem Originalrezept.</p>
<p>Anfahrt: U1 bis Taubstummengasse, dann über die Mozartgasse und den Rilkeplatz.</p>
</div>
""",
)


# --- D10. One-page: an Italian pizzeria's menu with dishes named after people --------------

page(
    "onepage-menu-pizzeria-decoy",
    "https://pizzeriadanonnarosa.example.it/",
    "Pizzeria da Nonna Rosa",
    "it",
    "onepage",
    footer="<p>Pizzeria da Nonna Rosa · Via Garibaldi 7, 80134 Napoli</p>",
)(
    """
<section id="home" class="hero"><div class="container"><h1>Pizzeria da Nonna Rosa</h1><p>Dal
1962, forno a legna.</p></div></section>
<section id="about" class="py-5"><div class="container"><h2>Il menù</h2>
<table class="table menu">
<tr><td>Margherita</td><td>pomodoro, fior di latte, basilico</td><td>€ 6,00</td></tr>
<tr><td>Pizza Garibaldi</td><td>salsiccia, friarielli, provola</td><td>€ 9,00</td></tr>
<tr><td>Don Salvatore</td><td>pomodorini, burrata, acciughe</td><td>€ 11,00</td></tr>
<tr><td>Tiramisù di Nonna Rosa</td><td>fatto in casa</td><td>€ 5,00</td></tr>
<tr><td>Spaghetti alla Totò</td><td>aglio, olio, peperoncino</td><td>€ 8,00</td></tr>
</table></div></section>
<section id="contact"><div class="container"><p>Prenotazioni: 081 555 1234</p></div></section>
""",
)


# --- D11. Avada: a French privacy policy and cookie list naming vendors --------------------

page(
    "avada-politique-cookies-decoy",
    "https://dufresne-avocats.example.fr/politique-de-confidentialite/",
    "Dufresne Avocats",
    "fr-FR",
    "avada",
    banner=AXEPTIO,
    footer='<div class="fusion-column col-lg-4"><p>14 rue de la République, 69002 Lyon</p></div>',
)(
    """
<div class="fusion-text">
<h1>Politique de confidentialité et cookies</h1>
<p>Les cookies suivants peuvent être déposés sur votre terminal :</p>
<table><thead><tr><th>Cookie</th><th>Éditeur</th><th>Finalité</th><th>Durée</th></tr></thead>
<tbody>
<tr><td>_ga</td><td>Google Ireland Limited</td><td>Mesure d'audience</td><td>13 mois</td></tr>
<tr><td>_hjSessionUser</td><td>Hotjar Ltd</td><td>Analyse du comportement</td><td>1 an</td></tr>
<tr><td>axeptio_cookies</td><td>Axeptio SAS</td><td>Consentement</td><td>6 mois</td></tr>
<tr><td>YSC</td><td>YouTube (Google)</td><td>Vidéos intégrées</td><td>Session</td></tr>
</tbody></table>
<p>Vous pouvez introduire une réclamation auprès de la CNIL, 3 place de Fontenoy, 75007 Paris.</p>
</div>
""",
)


# --- D12. Enfold: a blog author archive -----------------------------------------------------

page(
    "enfold-author-archive-decoy",
    "https://kraus-metallbau.example.de/author/lhartmann/",
    "Lena Hartmann, Autor bei Kraus Metallbau",
    "de-DE",
    "enfold",
    banner=BORLABS,
    footer='<section class="widget"><p>Gewerbering 3, 94469 Deggendorf</p></section>',
)(
    """
<div class="page-heading-container clearfix"><div class="author_description"><h3
class="author-title">Über Lena Hartmann</h3><div class="author_description_text"><p>Lena
schreibt als freie Redakteurin über Handwerk und Architektur.</p></div></div></div>
<h1 class="post-title">Beiträge von Lena Hartmann</h1>
<article class="post-entry post-entry-type-standard"><div class="entry-content-wrapper"><header
class="entry-content-header"><h2 class="post-title entry-title"><a
href="/2024/05/edelstahl-gelaender/">Edelstahlgeländer richtig pflegen</a></h2><span
class="post-meta-infos"><time class="date-container minor-meta updated">14. Mai 2024</time>
<span class="text-sep">/</span><span class="blog-author minor-meta">von <span class="author
vcard"><span class="fn"><a href="/author/lhartmann/" rel="author">Lena
Hartmann</a></span></span></span></span></header></div></article>
<article class="post-entry post-entry-type-standard"><div class="entry-content-wrapper"><header
class="entry-content-header"><h2 class="post-title entry-title"><a
href="/2024/02/carport-genehmigung/">Braucht mein Carport eine Genehmigung?</a></h2><span
class="post-meta-infos"><time class="date-container minor-meta updated">2. Februar 2024</time>
</span></header></div></article>
""",
)


# --- D13. Duda: a Danish furniture shop's products named like people ------------------------

page(
    "duda-moebler-produkter-decoy",
    "https://nordiskmoebel.example.dk/sofaer",
    "Nordisk Møbelhus",
    "da",
    "duda",
    banner=COOKIEBOT,
    footer='<div class="dmNewParagraph"><p>Nordisk Møbelhus ApS · Vestergade 22 · 8000 Aarhus C</p></div>',
    menu=(("/", "Forside"), ("/sofaer", "Sofaer"), ("/stole", "Stole"), ("/kontakt", "Kontakt")),
)(
    """
<div class="dmRespRow"><div class="dmRespColsWrapper"><div class="dmRespCol large-12">
<h1 class="dmNewParagraph"><span>Sofaer</span></h1></div></div></div>
<div class="dmRespRow"><div class="dmRespColsWrapper">
<div class="dmRespCol large-4"><div class="product"><img src="/img/karen.jpg" alt=""><h3>Karen
Blixen 3-pers. sofa</h3><p>Uld, egetræsben · 12.995 kr.</p></div></div>
<div class="dmRespCol large-4"><div class="product"><img src="/img/hans.jpg" alt=""><h3>Hans
Christian lænestol</h3><p>Læder, cognac · 8.495 kr.</p></div></div>
<div class="dmRespCol large-4"><div class="product"><img src="/img/ingrid.jpg" alt=""><h3>Ingrid
daybed</h3><p>Designet af Studio Holm · 6.995 kr.</p></div></div>
</div></div>
""",
)


# --- D14. Astra: a Spanish recipe blog's comment thread -------------------------------------

page(
    "astra-comentarios-receta-decoy",
    "https://fontaneriamartin.example.es/blog/como-purgar-radiadores/",
    "Cómo purgar los radiadores – Fontanería Martín",
    "es-ES",
    "astra",
    banner=COOKIEYES,
    footer="<p>Calle Mayor 8 · 28013 Madrid</p>",
    menu=(("/", "Inicio"), ("/blog/", "Blog"), ("/contacto/", "Contacto")),
)(
    """
<h1 class="entry-title">Cómo purgar los radiadores en 5 pasos</h1>
<div class="entry-meta"><span class="posted-on">3 de noviembre de 2023</span> / <span
class="posted-by vcard author"><a class="url fn n" href="/author/admin/">admin</a></span></div>
<p>Antes de encender la calefacción conviene purgar los radiadores...</p>
<div id="comments" class="comments-area"><h3 class="comments-title">3 comentarios</h3><ol
class="ast-comment-list">
<li class="comment"><article class="ast-comment"><div class="ast-comment-info"><header
class="ast-comment-meta"><div class="ast-comment-cite-wrap"><cite><b class="fn">María José
Herrera</b></cite></div><div class="ast-comment-time"><time>5 de noviembre de 2023 a las
19:02</time></div></header></div><section class="ast-comment-content comment"><p>¡Muy útil,
gracias!</p><a class="comment-reply-link" href="#respond">Responder</a></section></article>
</li>
<li class="comment"><article class="ast-comment"><header class="ast-comment-meta"><cite><b
class="fn">Antonio Delgado</b></cite> <span>dice:</span></header><section
class="ast-comment-content"><p>¿Y si sale agua marrón?</p></section></article></li>
</ol></div>
""",
)


# --- D15. Hand-written: an estate agent's sold list on streets named after people --------

page(
    "html2008-sold-properties-decoy",
    "http://www.pearce-and-lowe.example.co.uk/sold.htm",
    "Pearce &amp; Lowe Estate Agents - Recently Sold",
    "en",
    "html2008",
    footer="Pearce &amp; Lowe Estate Agents, 14 High Street, Ludlow SY8 1BS",
)(
    """
<table width="100%" cellpadding="10"><tr><td>
<font face="Georgia" size="5" color="#003366"><b>Recently Sold</b></font>
<table width="100%" border="0" cellspacing="2">
<tr><td><font face="Verdana" size="2"><b>Victoria Road, Ludlow</b><br>3 bed semi-detached
- SOLD STC</font></td></tr>
<tr><td><font face="Verdana" size="2"><b>Elizabeth Court, Church Stretton</b><br>2 bed
apartment - SOLD</font></td></tr>
<tr><td><font face="Verdana" size="2"><b>Lady Margaret Close, Tenbury Wells</b><br>4 bed
detached - SOLD</font></td></tr>
<tr><td><font face="Verdana" size="2"><b>Thomas Telford Way, Craven Arms</b><br>3 bed
terrace - SOLD STC</font></td></tr>
</table>
</td></tr></table>
""",
)


# --- D16. Astra: a Polish references page with clients' names -------------------------------

page(
    "astra-realizacje-opinie-pl-decoy",
    "https://autoserwis-nowak.example.pl/opinie/",
    "Auto Serwis Nowak – opinie klientów",
    "pl-PL",
    "astra",
    banner=COOKIEYES,
    footer="<p>Auto Serwis Nowak · ul. Długa 17, 31-147 Kraków</p>",
    menu=(("/", "Strona główna"), ("/opinie/", "Opinie"), ("/kontakt/", "Kontakt")),
)(
    """
<h1 class="entry-title">Opinie klientów</h1>
<div class="opinie">
<div class="opinia"><p>„Szybko, rzetelnie i w dobrej cenie. Polecam!”</p><p
class="podpis">— Jan Kowalczyk, Kraków</p></div>
<div class="opinia"><p>„Naprawa skrzyni biegów w dwa dni.”</p><p class="podpis">— Ewa
Mazur, klientka od 2015 r.</p></div>
<div class="opinia"><p>„Obsługujemy u nich całą flotę firmy.”</p><p class="podpis">— Piotr
Lewandowski, kierownik floty, TransBud Sp. z o.o.</p></div>
</div>
""",
)


# --- 32. Astra: a Portuguese clinic's contact page, one person named (a near-decoy) --------

page(
    "astra-clinica-contactos-pt",
    "https://clinicadentaria-porto.example.pt/contactos/",
    "Clínica Dentária da Boavista",
    "pt-PT",
    "astra",
    banner=COOKIEYES,
    footer=(
        "<p>Clínica Dentária da Boavista, Lda. · Avenida da Boavista 1200, 4100-130 Porto · "
        "NIF PT510962368</p>"
    ),
    menu=(("/", "Início"), ("/tratamentos/", "Tratamentos"), ("/contactos/", "Contactos")),
)(
    """
<h1 class="entry-title">Contactos</h1>
<p>Segunda a sexta, das 9h às 19h · Sábado, das 9h às 13h</p>
<p>Diretora clínica: Dra. Sofia Almeida</p>
<p>Marcações: 22 600 12 34 · <a href="mailto:geral@clinicadentaria-porto.example.pt">
geral@clinicadentaria-porto.example.pt</a></p>
<p>Acordos: Médis, Multicare, AdvanceCare.</p>
<p>Livro de Reclamações online: <a href="https://www.livroreclamacoes.pt">
livroreclamacoes.pt</a></p>
""",
    {"Sofia Almeida": "Diretora clínica"},
)


# --- 33. Duda: a one-person German Impressum, "Inhaberin", contact lines ---------------------

page(
    "duda-impressum-einzelunternehmen",
    "https://friseur-lena.example.de/impressum",
    "Friseursalon Lena",
    "de-DE",
    "duda",
    banner=BORLABS,
    footer='<div class="dmNewParagraph"><p>Friseursalon Lena · Bahnhofstraße 9 · 79098 Freiburg</p></div>',
    menu=(
        ("/", "Start"),
        ("/preise", "Preise"),
        ("/termin", "Termin"),
        ("/impressum", "Impressum"),
    ),
)(
    """
<div class="dmRespRow"><div class="dmRespColsWrapper"><div class="dmRespCol large-12"><div
class="dmNewParagraph" data-element-type="paragraph">
<h1>Impressum</h1>
<p>Friseursalon Lena<br>Inhaberin: Lena Maria Schulz<br>Bahnhofstraße 9<br>79098 Freiburg im
Breisgau</p>
<p>Telefon: 0761 1234567<br>E-Mail: salon@friseur-lena.example.de</p>
<p>Umsatzsteuer-Identifikationsnummer gemäß § 27a UStG: DE784864733</p>
<p>Zuständige Handwerkskammer: Handwerkskammer Freiburg. Eingetragen in die
Handwerksrolle.</p>
<p>Webdesign: Agentur Sonnenschein, Freiburg</p>
</div></div></div></div>
""",
    {"Lena Maria Schulz": "Inhaberin"},
    {"vat_id": "DE784864733"},
)


# --- 34. HubSpot: an accountancy's team with h-card markup ----------------------------------

page(
    "hubspot-accountants-hcard",
    "https://brookfieldaccounts.example.com/team",
    "Brookfield Accounting",
    "en-US",
    "hubspot",
    footer="<p>Brookfield Accounting, PLLC · 210 W Main St, Durham, NC 27701</p>",
)(
    """
<div class="row-fluid"><div class="span12 widget-span"><h1>Our Team</h1>
<div class="team-grid">
<div class="h-card team-card"><img class="u-photo" src="/hubfs/team/latoya.jpg" alt="">
<h3 class="p-name">LaToya Brooks, CPA</h3><p class="p-job-title">Founding Partner</p><a
class="u-email" href="mailto:lbrooks@brookfieldaccounts.example.com">Email LaToya</a></div>
<div class="h-card team-card"><img class="u-photo" src="/hubfs/team/ethan.jpg" alt="">
<h3 class="p-name">Ethan Fields, EA</h3><p class="p-job-title">Partner</p></div>
<div class="h-card team-card"><img class="u-photo" src="/hubfs/team/mei.jpg" alt="">
<h3 class="p-name">Mei Lin Zhao</h3><p class="p-job-title">Senior Tax Associate</p></div>
</div></div></div>
""",
    {
        "LaToya Brooks": "Founding Partner",
        "Ethan Fields": "Partner",
        "Mei Lin Zhao": "Senior Tax Associate",
    },
)


# --- D17. Weebly: a nursery's parents' newsletter (children and parents only) ---------------

page(
    "weebly-newsletter-parents-decoy",
    "https://littleacorns.example.co.uk/news.html",
    "Little Acorns Day Nursery – News",
    "en-GB",
    "weebly",
    footer='<div class="paragraph">9 Orchard Way, Harrogate HG1 4QT</div>',
)(
    """
<h2 class="wsite-content-title">Spring newsletter</h2>
<div class="paragraph"><strong>Posted on 4 March 2024</strong></div>
<div class="paragraph">A huge thank you to Daisy's dad, Mark Robinson, who built our new mud
kitchen, and to the Friends of Little Acorns for raising £640 at the Easter fair. Well done
to Freddie and Amara for their amazing Mother's Day cards!<br><br>Our visit from PC Jenny
Adams of North Yorkshire Police was a big hit with the pre-school room.</div>
""",
)


# --- D18. GeneratePress: a law firm's news post quoting a judge and a client ---------------

page(
    "generatepress-law-news-decoy",
    "https://oconnellbrandt.example.com/news/appeals-court-ruling/",
    "Appeals court sides with our client – O'Connell &amp; Brandt",
    "en-US",
    "generatepress",
    banner=COMPLIANZ,
    footer="© 2024 O'Connell &amp; Brandt, P.C.",
    menu=(("/", "Home"), ("/news/", "News"), ("/contact/", "Contact")),
)(
    """
<header class="entry-header"><h1 class="entry-title">Appeals court sides with our client in
boundary dispute</h1><div class="entry-meta"><span class="posted-on"><time
datetime="2024-06-03">June 3, 2024</time></span></div></header>
<p>In a decision written by Judge Patricia Moreno, the Appeals Court affirmed the lower court's
ruling for our client, Worcester Hills Farm LLC.</p>
<p>"We are relieved and grateful," said Robert Haskins, the farm's owner.</p>
<p>Opposing counsel, Jeffrey Lutz of Lutz &amp; Kane LLP, has not said whether he will seek
further review.</p>
""",
)


# --- 35. Astra: an English vet practice, team by department (h3 headings between) ---------

page(
    "astra-vets-team-departments",
    "https://riversidevets.example.co.uk/our-team/",
    "Riverside Veterinary Centre",
    "en-GB",
    "astra",
    banner=COMPLIANZ,
    footer="<p>Riverside Veterinary Centre Ltd · Company No. 07654320 · RCVS Accredited Practice</p>",
)(
    """
<h1 class="entry-title">Our Team</h1>
<h2>Veterinary Surgeons</h2>
<div class="wp-block-columns">
<div class="wp-block-column staff"><h4>James Whitmore BVSc MRCVS</h4><p class="staff-role">Clinical
Director</p></div>
<div class="wp-block-column staff"><h4>Anya Kowalczyk MRCVS</h4><p class="staff-role">Veterinary
Surgeon</p></div>
</div>
<h2>Nursing &amp; Reception</h2>
<div class="wp-block-columns">
<div class="wp-block-column staff"><h4>Becky Lyons RVN</h4><p class="staff-role">Head
Nurse</p></div>
<div class="wp-block-column staff"><h4>Sam Otieno</h4><p class="staff-role">Receptionist</p></div>
</div>
<h2>Practice pets</h2>
<p>Pickle the practice cat can usually be found asleep on the reception desk.</p>
""",
    {
        "James Whitmore": "Clinical Director",
        "Anya Kowalczyk": "Veterinary Surgeon",
        "Becky Lyons": "Head Nurse",
        "Sam Otieno": "Receptionist",
    },
    {"company_number": "07654320"},
)


# --- 36. One-page: a French bakery's "Qui sommes-nous", one apposition -------------------

page(
    "onepage-boulangerie-fr",
    "https://boulangerie-lefevre.example.fr/",
    "Boulangerie Lefèvre",
    "fr",
    "onepage",
    banner=AXEPTIO,
    footer=(
        "<p>Boulangerie Lefèvre SARL · 8 place du Marché, 35000 Rennes · SIREN 803 033 067 · "
        '<a href="/mentions-legales">Mentions légales</a></p>'
    ),
)(
    """
<section id="home" class="hero"><div class="container"><h1>Boulangerie Lefèvre</h1><p>Pain au
levain, viennoiseries pur beurre, depuis 1994.</p></div></section>
<section id="about" class="py-5"><div class="container"><h2>Qui sommes-nous ?</h2><p>Installée
place du Marché depuis trente ans, la boulangerie est aujourd'hui tenue par Antoine Lefèvre,
artisan boulanger et gérant, qui a repris le fournil de ses parents en 2015.</p></div>
</section>
<section id="contact" class="py-5"><div class="container"><h2>Horaires</h2><p>Du mardi au
samedi, 7h–19h30 ; dimanche, 7h–13h.</p></div></section>
""",
    {"Antoine Lefèvre": "artisan boulanger et gérant"},
    {"siren": "803033067"},
)


# --- 37. Enfold: a Swiss-German Treuhand Impressum, "Vertretungsberechtigte Personen" -------

page(
    "enfold-impressum-ch",
    "https://meier-treuhand.example.ch/impressum/",
    "Meier Treuhand AG",
    "de-CH",
    "enfold",
    banner=BORLABS,
    footer='<section class="widget"><p>Meier Treuhand AG · Bahnhofplatz 2 · 6003 Luzern</p></section>',
)(
    """
<div class="avia_textblock">
<h1>Impressum</h1>
<p><strong>Meier Treuhand AG</strong><br>Bahnhofplatz 2<br>6003 Luzern<br>Schweiz</p>
<p>Vertretungsberechtigte Personen:<br>Urs Meier, Präsident des Verwaltungsrates<br>Claudia
Zimmermann, Geschäftsführerin</p>
<p>Handelsregister: Kanton Luzern<br>UID: CHE-123.456.788</p>
<p>Haftungsausschluss: Der Autor übernimmt keinerlei Gewähr hinsichtlich der inhaltlichen
Richtigkeit.</p>
</div>
""",
    {"Urs Meier": "Präsident des Verwaltungsrates", "Claudia Zimmermann": "Geschäftsführerin"},
    {"legal_name": "Meier Treuhand AG"},
)


# --- D19. One-page: a wedding photographer's couples (clients) -----------------------------

page(
    "onepage-wedding-couples-decoy",
    "https://lightandlace.example.co.uk/",
    "Light &amp; Lace Photography",
    "en-GB",
    "onepage",
    banner=COOKIEYES,
    footer="<p>© 2024 Light &amp; Lace Photography</p>",
)(
    """
<section id="home" class="hero"><div class="container"><h1>Relaxed, natural wedding
photography</h1></div></section>
<section id="about"><div class="container"><h2>Recent weddings</h2>
<div class="row">
<div class="col-md-4 gallery-item"><img src="img/w1.jpg" alt=""><h5>Charlotte &amp;
James</h5><p>Chewton Glen, Hampshire</p></div>
<div class="col-md-4 gallery-item"><img src="img/w2.jpg" alt=""><h5>Aisha &amp; Omar</h5>
<p>The Grand, Brighton</p></div>
<div class="col-md-4 gallery-item"><img src="img/w3.jpg" alt=""><h5>Emily Carter &amp;
Tom Hughes</h5><p>Highclere Castle</p></div>
</div>
<blockquote><p>"We can't stop looking at our photos!"</p><footer>Charlotte Davies, bride</footer>
</blockquote></div></section>
""",
)


# --- 38. Hand-written: a German Handwerker's Kontakt page from 2008 -----------------------

page(
    "html2008-kontakt-de",
    "http://www.dachdecker-wolf.example.de/kontakt.htm",
    "Dachdeckerei Wolf - Kontakt",
    "de",
    "html2008",
    footer="Dachdeckerei Wolf GmbH &middot; Lindenweg 4 &middot; 37073 Göttingen",
    menu=(
        ("index.htm", "Startseite"),
        ("leistungen.htm", "Leistungen"),
        ("kontakt.htm", "Kontakt"),
        ("impressum.htm", "Impressum"),
    ),
)(
    """
<table width="100%" cellpadding="10"><tr><td>
<font face="Arial" size="4"><b>Kontakt</b></font><br><br>
<table border="0" cellpadding="3">
<tr><td><font face="Arial" size="2"><b>Geschäftsführer:</b></font></td><td><font face="Arial"
size="2">Reinhard Wolf</font></td></tr>
<tr><td><font face="Arial" size="2"><b>Dachdeckermeister:</b></font></td><td><font
face="Arial" size="2">Sven Wolf</font></td></tr>
<tr><td><font face="Arial" size="2"><b>Büro:</b></font></td><td><font face="Arial"
size="2">Mo-Fr 7.00 - 16.00 Uhr</font></td></tr>
<tr><td><font face="Arial" size="2"><b>Telefon:</b></font></td><td><font face="Arial"
size="2">0551 / 12 34 56</font></td></tr>
</table>
</td></tr></table>
""",
    {"Reinhard Wolf": "Geschäftsführer", "Sven Wolf": "Dachdeckermeister"},
)
