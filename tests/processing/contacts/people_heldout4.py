"""A fourth held-out set for the people extractor, written blind in issue 26's fifth session:
every page and every expected answer was written before the extractor's code was read or run
on any of it (its author read only the issue, docs/using.md, docs/lead-schema.md and the shape of
the earlier sets).

43 pages, 15 of them decoys. Same shape as people_corpus.PAGES: (name, url, html, people, company).
Pages sit in the shells of builders and systems the earlier sets did not emphasise: Webflow (CMS
collection lists, rich text), GoDaddy Websites + Marketing (``data-ux`` blocks, upper-case
headings), Jimdo (``j-module`` text and image captions), Shopify (``shopify-section``, ``rte`` about
pages, theme JSON-LD), Joomla (``com_content`` articles, ``com_contact`` with its microdata
``Person``), Drupal (views rows, field markup, accordions), Ghost (``kg-card`` figures and callouts)
and Hugo (plain Markdown output), each with its own cookie banner (Cookiebot, OneTrust, iubenda,
Osano, Borlabs, Shopify's). Countries and legal forms: Dutch (KvK, BTW, B.V.), Belgian (BCE/KBO,
TVA/BTW, SRL, BV), Italian (P.IVA, "Titolare", "Amministratore unico", S.r.l.), Swiss (UID,
Handelsregister, AG), Irish (CRO, Ltd), British (company number), Austrian medical practice, German
software GmbH, US LLC / Inc. / PLLC / cooperative. Team pages as tables, a Bootstrap accordion,
``<figure>`` with ``<figcaption>``, microdata ``itemprop`` people, role above the name and after it,
names with academic or professional titles (Dr., Prof., Mag., Dipl.-Ing., Ing., Arch., Geom.,
Dott.ssa), hyphenated, double and particle surnames (van der, Ní, De, El), lower-case and ALL-CAPS
names, names in ``<strong>`` inside prose, "Contact: Name" lines and a mailto's link text.

Decoys (no expected people): a podcast episode's guests, a summit's speakers from other
companies, "our clients include", a case-study quote, job ads, a press release quoting outsiders,
products named like people ("The Harper Chair"), a salon price list with brand names that look
like names, a news blog's author archive, a 404 page, a sitemap page, a design award's jury, a
local news item quoting an alderman, a recipe page, a dealer directory naming other firms'
contacts.

Conventions of the expected answers (chosen blind, from the docs): a name is given as the page
writes it (letter case included) without academic or professional titles before it (Dr., Mag., Ing.,
...) or qualifications after it (CPA, ...); a role is the page's own wording, ``""`` when the page
states none. Company facts are only the kinds the docs name (legal_name, address, opening_hours,
vat_id, company_number) where a reader finds them plainly on the page; VAT ids are written compact
with their country prefix (``NL812364752B01``), addresses on one line with ", " between the parts
the page separates (lines, " · "), without the company's name or a country. Swiss UID/MWST numbers,
Dutch KvK, Belgian BCE, Irish CRO and Italian REA numbers, Italian addresses with a province in
brackets, and legal names given only in a footer are left out (the docs do not say whether or how
they are kept).
"""

from __future__ import annotations

PAGES: list[tuple[str, str, str, dict[str, str], dict[str, str]]] = []


def page(name, url, brand, lang="en", cms="webflow", **site):
    """The page ``name`` at ``url`` in ``cms``'s shell with the site's ``brand``, language and
    ``site`` parts (head, banner, footer, nav); call the result with the body, the expected people
    and the expected company facts to add it to PAGES."""

    def add(body, people=None, company=None):
        html = _SHELLS[cms](body, brand=brand, lang=lang, **site)
        PAGES.append((name, url, html, people or {}, company or {}))

    return add


def _doc(brand, lang, head, html_attrs="", extra_head=""):
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"{html_attrs}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{brand}</title>\n{extra_head}{head}\n</head>\n"
    )


def _links(items, a_class="", li_class=""):
    return "".join(
        f'<li class="{li_class}"><a href="{href}" class="{a_class}">{label}</a></li>'
        for href, label in items
    )


_EN_NAV = (("/", "Home"), ("/about", "About"), ("/services", "Services"), ("/contact", "Contact"))


def _webflow(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(f'<a href="{h}" class="nav-link w-nav-link">{t}</a>' for h, t in nav)
    return (
        _doc(
            brand,
            lang,
            head,
            ' data-wf-page="65f1c2a9e4b0d3a1c8e7f012" data-wf-site="65f1c2a9e4b0d3a1c8e7f001"',
            '<link href="https://assets.website-files.com/65f1c2a9/css/site.webflow.css" '
            'rel="stylesheet" type="text/css">\n',
        )
        + "<body>\n"
        f"{banner}\n"
        '<div data-collapse="medium" data-animation="default" role="banner" '
        'class="navbar w-nav"><div class="container w-container">'
        f'<a href="/" aria-current="page" class="brand w-nav-brand w--current">'
        f'<img src="/images/logo.svg" alt="{brand}" class="logo"></a>'
        f'<nav role="navigation" class="nav-menu w-nav-menu">{links}</nav>'
        '<div class="menu-button w-nav-button"><div class="w-icon-nav-menu"></div></div>'
        "</div></div>\n"
        f'<main class="main-wrapper">\n{body}\n</main>\n'
        f'<footer class="footer"><div class="container w-container">{footer}'
        '<div class="footer-legal"><a href="/privacy" class="footer-link">Privacy</a>'
        '<a href="/terms" class="footer-link">Terms</a></div></div></footer>\n'
        '<script src="https://d3e54v103j8qbb.cloudfront.net/js/jquery-3.5.1.min.dc5e7f18c8.js">'
        '</script><script src="/js/webflow.js" type="text/javascript"></script>\n'
        "</body>\n</html>\n"
    )


def _godaddy(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(
        f'<li data-ux="ListItemInline"><a data-ux="NavLink" data-aid="NAV_MENU_LINK" '
        f'href="{h}">{t}</a></li>'
        for h, t in nav
    )
    return (
        _doc(
            brand,
            lang,
            head,
            extra_head='<meta name="generator" content="Starfield Technologies;'
            ' Go Daddy Website Builder 8.0.0000">\n',
        )
        + "<body>\n"
        f"{banner}\n"
        '<div id="layout-abc123" class="layout layout-layout layout-layout-layout-13 locale-en-US '
        'lang-en"><div data-ux="Page" id="page-5"><div data-ux="Block" class="x-el x-el-div">'
        '<div data-ux="Header" role="main" data-aid="HEADER_WIDGET" class="x-el x-el-div">'
        f'<div data-ux="Block"><h3 data-ux="LogoHeading" data-aid="HEADER_LOGO_TEXT_RENDERED">'
        f'{brand}</h3><nav data-ux="Nav"><ul data-ux="List">{links}</ul></nav></div></div>'
        f'<div data-ux="Block" class="widget">\n{body}\n</div>'
        '<div data-ux="Footer" data-aid="FOOTER_SECTION" class="x-el x-el-div">'
        f'<div data-ux="Block">{footer}</div>'
        '<p data-ux="FooterDetails" data-aid="FOOTER_COPYRIGHT_RENDERED">Copyright © 2026 '
        f"{brand} - All Rights Reserved.</p>"
        '<p data-ux="FooterDetails" data-aid="FOOTER_POWERED_BY_AIRO_RENDERED">'
        'Powered by <a href="https://www.godaddy.com/websites/website-builder">GoDaddy</a></p>'
        "</div></div></div></div>\n</body>\n</html>\n"
    )


_DE_NAV = (
    ("/", "Startseite"),
    ("/ueber-uns/", "Über uns"),
    ("/leistungen/", "Leistungen"),
    ("/kontakt/", "Kontakt"),
    ("/impressum/", "Impressum"),
)


def _jimdo(body, *, brand, lang, head="", banner="", footer="", nav=_DE_NAV):
    links = "".join(
        f'<li class="jmd-nav__list-item-0"><a href="{h}" data-link-title="{t}">{t}</a></li>'
        for h, t in nav
    )
    return (
        _doc(brand, lang, head, extra_head='<meta name="generator" content="Jimdo Creator">\n')
        + '<body class="body cc-page j-m-gallery-styles j-m-video-styles j-m-hr-styles '
        'j-m-header-styles j-m-text-styles jtpl-main">\n'
        f"{banner}\n"
        '<div class="jtpl-header"><div class="jtpl-logo"><a href="/" title="'
        f'{brand}"><img src="https://image.jimcdn.com/app/cms/image/transf/logo.png" alt="'
        f'{brand}"></a></div><nav class="j-nav-level-0"><ul id="cc-nav-view-main">{links}</ul>'
        "</nav></div>\n"
        f'<div class="jtpl-content"><div id="content_area" data-container="content">'
        f'<div id="content_start"></div>\n{body}\n</div></div>\n'
        f'<div class="jtpl-footer"><div id="contentfooter" data-container="footer">{footer}'
        '<div class="leftrow"><a href="/about/">Impressum</a> | '
        '<a href="//www.jimdo.com/info/privacy/">Datenschutz</a> | '
        '<a href="/sitemap/">Sitemap</a></div><div class="rightrow"><span class="loggedout">'
        '<a rel="nofollow" id="login" href="/login">Anmelden</a></span></div></div></div>\n'
        "</body>\n</html>\n"
    )


def _shopify(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(
        f'<li><a href="{h}" class="header__menu-item list-menu__item link">'
        f"<span>{t}</span></a></li>"
        for h, t in (
            ("/", "Home"),
            ("/collections/all", "Shop"),
            ("/pages/about-us", "About Us"),
            ("/pages/contact", "Contact"),
        )
    )
    return (
        _doc(
            brand,
            lang,
            head,
            ' class="no-js"',
            '<link rel="stylesheet" href="//cdn.shopify.com/s/files/1/0612/theme/base.css">\n',
        )
        + '<body class="gradient template-page">\n'
        f"{banner}\n"
        '<div id="shopify-section-announcement-bar" class="shopify-section">'
        '<div class="announcement-bar" role="region"><p class="announcement-bar__message h5">'
        "Free shipping on orders over $75</p></div></div>\n"
        '<div id="shopify-section-header" class="shopify-section section-header">'
        '<sticky-header class="header-wrapper"><header class="header header--middle-left">'
        f'<h1 class="header__heading"><a href="/" class="header__heading-link">'
        f'<span class="h2">{brand}</span></a></h1><nav class="header__inline-menu">'
        f'<ul class="list-menu list-menu--inline" role="list">{links}</ul></nav>'
        '<div class="header__icons"><a href="/search" class="header__icon">Search</a>'
        '<a href="/account/login" class="header__icon">Log in</a>'
        '<a href="/cart" class="header__icon" id="cart-icon-bubble">Cart</a></div>'
        "</header></sticky-header></div>\n"
        f'<main id="MainContent" class="content-for-layout focus-none" role="main">\n{body}\n'
        "</main>\n"
        '<div id="shopify-section-footer" class="shopify-section"><footer class="footer">'
        '<div class="footer__content-top page-width"><div class="footer-block__newsletter">'
        '<h2 class="footer-block__heading">Subscribe to our emails</h2>'
        '<form method="post" action="/contact#ContactFooter" class="footer__newsletter">'
        '<input type="email" name="contact[email]" placeholder="Email"></form></div>'
        f"{footer}</div>"
        '<div class="footer__content-bottom"><ul class="list list-payment" role="list">'
        '<li class="list-payment__item">Visa</li><li class="list-payment__item">Mastercard</li>'
        '<li class="list-payment__item">American Express</li>'
        '<li class="list-payment__item">PayPal</li></ul>'
        f'<small class="copyright__content">© 2026, <a href="/">{brand}</a> '
        '<a target="_blank" rel="nofollow" href="https://www.shopify.com">Powered by Shopify'
        "</a></small></div></footer></div>\n</body>\n</html>\n"
    )


def _joomla(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(
        f'<li class="nav-item item-{101 + i}"><a href="{h}">{t}</a></li>'
        for i, (h, t) in enumerate(nav)
    )
    return (
        _doc(
            brand,
            lang,
            head,
            ' dir="ltr"',
            '<meta name="generator" content="Joomla! - Open Source Content Management">\n',
        )
        + '<body class="site com_content wrapper-static view-article no-layout no-task '
        'itemid-101 has-sidebar-right">\n'
        f"{banner}\n"
        '<header class="header container-header full-width"><div class="grid-child">'
        f'<div class="navbar-brand"><a class="brand-logo" href="/"><span title="{brand}">'
        f"{brand}</span></a></div></div>"
        '<div class="grid-child container-nav"><nav class="navbar navbar-expand-md" '
        'aria-label="Main Menu"><ul class="mod-menu mod-list nav ">'
        f"{links}</ul></nav></div></header>\n"
        '<div class="site-grid"><div class="grid-child container-component">'
        '<main><div class="com-content-article item-page" itemscope '
        f'itemtype="https://schema.org/Article">\n{body}\n</div></main></div>'
        '<div class="grid-child container-sidebar-right"><div class="sidebar-right card">'
        '<h3 class="card-header">Latest News</h3><div class="card-body">'
        '<ul class="mod-articleslatest latestnews mod-list"><li><a href="/news/1">'
        "New opening hours for the holidays</a></li></ul></div></div></div></div>\n"
        f'<footer class="container-footer footer full-width"><div class="grid-child">{footer}'
        "</div></footer>\n"
        '<a href="#top" id="back-top" class="back-to-top-link" aria-label="Back to Top">'
        '<span class="icon-arrow-up icon-fw" aria-hidden="true"></span></a>\n'
        "</body>\n</html>\n"
    )


def _drupal(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(
        f'<li class="menu-item"><a href="{h}" data-drupal-link-system-path="node/{7 + i}">'
        f"{t}</a></li>"
        for i, (h, t) in enumerate(nav)
    )
    return (
        _doc(
            brand,
            lang,
            head,
            ' dir="ltr"',
            '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">\n',
        )
        + '<body class="path-node page-node-type-page">\n'
        '<a href="#main-content" class="visually-hidden focusable skip-link">'
        "Skip to main content</a>\n"
        f"{banner}\n"
        '<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>'
        '<div class="layout-container"><header role="banner"><div class="region '
        'region-header"><div id="block-sitebranding" class="block block-system '
        f'block-system-branding-block"><a href="/" rel="home" class="site-logo">'
        f'<img src="/themes/custom/site/logo.svg" alt="Home"></a>'
        f'<div class="site-name"><a href="/" rel="home">{brand}</a></div></div></div>'
        '<div class="region region-primary-menu"><nav role="navigation" '
        'aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation">'
        '<h2 class="visually-hidden" id="block-mainnavigation-menu">Main navigation</h2>'
        f'<ul class="menu menu--main">{links}</ul></nav></div></header>\n'
        '<main role="main"><a id="main-content" tabindex="-1"></a>'
        '<div class="layout-content"><div class="region region-content">'
        '<div id="block-mainpagecontent" class="block block-system '
        f'block-system-main-block">\n{body}\n</div></div></div></main>\n'
        f'<footer role="contentinfo"><div class="region region-footer">{footer}</div>'
        "</footer></div></div>\n"
        '<script type="application/json" data-drupal-selector="drupal-settings-json">'
        '{"path":{"baseUrl":"\\/","currentLanguage":"en"}}</script>\n'
        "</body>\n</html>\n"
    )


def _ghost(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(f'<li class="nav-{t.lower()}"><a href="{h}">{t}</a></li>' for h, t in nav)
    return (
        _doc(
            brand,
            lang,
            head,
            extra_head='<meta name="generator" content="Ghost 5.82">\n'
            '<link rel="stylesheet" href="/assets/built/screen.css?v=4a2b">\n',
        )
        + '<body class="page-template has-sans-title has-sans-body">\n'
        f"{banner}\n"
        '<div class="gh-viewport"><header id="gh-navigation" class="gh-navigation '
        'is-left-logo gh-outer"><div class="gh-navigation-inner gh-inner">'
        f'<div class="gh-navigation-brand"><a class="gh-navigation-logo is-title" href="/">'
        f'{brand}</a></div><nav class="gh-navigation-menu"><ul class="nav">{links}</ul></nav>'
        '<div class="gh-navigation-actions"><a href="#/portal/signin" data-portal="signin">'
        'Sign in</a> <a class="gh-button" href="#/portal/signup" data-portal="signup">'
        "Subscribe</a></div></div></header>\n"
        f'<main class="gh-main gh-outer"><div class="gh-inner">\n{body}\n</div></main>\n'
        '<footer class="gh-footer gh-outer"><div class="gh-footer-inner gh-inner">'
        f'{footer}<div class="gh-footer-bar"><span class="gh-footer-logo is-title">{brand}</span>'
        '<div class="gh-footer-copyright">Powered by <a href="https://ghost.org/" '
        'target="_blank" rel="noopener">Ghost</a></div></div>'
        '<section class="gh-footer-signup"><h2 class="gh-footer-signup-header is-title">'
        f'Sign up for {brand}</h2><button class="gh-button" data-portal="signup">'
        "Subscribe</button></section></div></footer></div>\n"
        "</body>\n</html>\n"
    )


def _hugo(body, *, brand, lang, head="", banner="", footer="", nav=_EN_NAV):
    links = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in nav)
    return (
        _doc(
            brand,
            lang,
            head,
            extra_head='<meta name="generator" content="Hugo 0.125.4">\n'
            '<link rel="stylesheet" href="/css/main.min.3f9c.css">\n',
        )
        + "<body>\n"
        f"{banner}\n"
        f'<header class="site-header"><a class="site-title" href="/">{brand}</a>'
        f'<nav class="site-nav"><ul>{links}</ul></nav></header>\n'
        f'<main id="main" class="content">\n{body}\n</main>\n'
        f'<footer class="site-footer">{footer}<p class="copyright">&copy; 2026 {brand}. '
        'Built with <a href="https://gohugo.io">Hugo</a>.</p></footer>\n'
        "</body>\n</html>\n"
    )


_SHELLS = {
    "webflow": _webflow,
    "godaddy": _godaddy,
    "jimdo": _jimdo,
    "shopify": _shopify,
    "joomla": _joomla,
    "drupal": _drupal,
    "ghost": _ghost,
    "hugo": _hugo,
}

# Cookie banners as their scripts render them.
COOKIEBOT = (
    '<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" '
    'aria-modal="true" aria-labelledby="CybotCookiebotDialogBodyContentTitle" '
    'class="CybotCookiebotDialogActive"><div class="CybotCookiebotDialogContentWrapper">'
    '<h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2>'
    '<div id="CybotCookiebotDialogBodyContentText">We use cookies to personalise content and '
    "ads, to provide social media features and to analyse our traffic. We also share "
    "information about your use of our site with our social media, advertising and analytics "
    'partners.</div><div id="CybotCookiebotDialogBodyButtonsWrapper">'
    '<button id="CybotCookiebotDialogBodyButtonDecline">Deny</button>'
    '<button id="CybotCookiebotDialogBodyLevelButtonCustomize">Customize</button>'
    '<button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>'
    '</div><a href="https://www.cookiebot.com" id="CybotCookiebotDialogPoweredbyCybot">'
    "Powered by Cookiebot by Usercentrics</a></div></div>"
)
ONETRUST = (
    '<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat" '
    'role="region" aria-label="Cookie banner"><div class="ot-sdk-container"><div '
    'id="onetrust-policy"><h2 id="onetrust-policy-title">Your Privacy</h2><p '
    'id="onetrust-policy-text">By clicking “Accept All Cookies”, you agree to the storing of '
    "cookies on your device to enhance site navigation, analyze site usage, and assist in our "
    'marketing efforts. <a class="ot-cookie-policy-link" href="/cookie-policy">Cookie Policy'
    '</a></p></div><div id="onetrust-button-group"><button id="onetrust-pc-btn-handler">'
    'Cookies Settings</button><button id="onetrust-reject-all-handler">Reject All</button>'
    '<button id="onetrust-accept-btn-handler">Accept All Cookies</button></div></div></div>'
    "</div>"
)
IUBENDA = (
    '<div id="iubenda-cs-banner" class="iubenda-cs-default-floating iubenda-cs-bottom" '
    'role="alertdialog" aria-labelledby="iubenda-cs-title"><div class="iubenda-cs-container">'
    '<div class="iubenda-cs-content"><div id="iubenda-cs-title">Informativa</div>'
    '<div id="iubenda-cs-paragraph"><p class="iub-p">Noi e terze parti selezionate '
    "utilizziamo cookie o tecnologie simili per finalità tecniche e, con il tuo consenso, anche "
    'per altre finalità come specificato nella <a href="/privacy-policy" '
    'class="iubenda-cs-cookie-policy-lnk">cookie policy</a>.</p></div>'
    '<div class="iubenda-cs-opt-group"><button class="iubenda-cs-customize-btn">Scopri di più '
    'e personalizza</button><button class="iubenda-cs-reject-btn">Rifiuta</button>'
    '<button class="iubenda-cs-accept-btn">Accetta</button></div></div></div></div>'
)
OSANO = (
    '<div role="dialog" aria-live="polite" aria-label="cookieconsent" '
    'aria-describedby="cookieconsent:desc" class="cc-window cc-banner cc-type-info '
    'cc-theme-block cc-bottom"><span id="cookieconsent:desc" class="cc-message">This website '
    "uses cookies to ensure you get the best experience on our website. "
    '<a aria-label="learn more about cookies" role="button" tabindex="0" class="cc-link" '
    'href="/privacy" target="_blank">Learn more</a></span><div class="cc-compliance">'
    '<a aria-label="dismiss cookie message" role="button" tabindex="0" '
    'class="cc-btn cc-dismiss">Got it!</a></div></div>'
)
BORLABS = (
    '<div id="BorlabsCookieBox" class="BorlabsCookie" role="dialog" '
    'aria-labelledby="CookieBoxTextHeadline" aria-modal="true"><div class="bottom-center">'
    '<div class="_brlbs-box-wrap"><div class="_brlbs-box"><div class="cookie-box">'
    '<h3 id="CookieBoxTextHeadline">Datenschutzeinstellungen</h3><p id="CookieBoxTextDescription">'
    "Wir nutzen Cookies auf unserer Website. Einige von ihnen sind essenziell, während andere "
    "uns helfen, diese Website und Ihre Erfahrung zu verbessern.</p>"
    '<p class="_brlbs-accept"><a href="#" class="_brlbs-btn _brlbs-btn-accept-all '
    '_brlbs-cursor" data-cookie-accept-all>Alle akzeptieren</a></p><p class="_brlbs-refuse">'
    '<a href="#" class="_brlbs-cursor" data-cookie-refuse>Nur essenzielle Cookies akzeptieren'
    "</a></p></div></div></div></div></div>"
)
SHOPIFY_CONSENT = (
    '<div id="shopify-pc__banner" class="shopify-pc__banner__dialog" role="alertdialog" '
    'aria-labelledby="shopify-pc__banner__title"><h2 class="shopify-pc__banner__title" '
    'id="shopify-pc__banner__title">Cookie Policy</h2><div class="shopify-pc__banner__body">'
    "<p>We use cookies and similar technologies to provide the best experience on our website."
    '</p></div><div class="shopify-pc__banner__btns"><button id="shopify-pc__banner__btn-'
    'manage-prefs">Manage preferences</button><button id="shopify-pc__banner__btn-decline">'
    'Decline</button><button id="shopify-pc__banner__btn-accept">Accept</button></div></div>'
)
NL_COOKIES = (
    '<div class="cookie-notice" id="cookie-notice" role="dialog" aria-label="Cookies">'
    "<p><strong>Wij gebruiken cookies</strong> om onze website goed te laten werken en om het "
    'gebruik te analyseren. Lees meer in onze <a href="/privacyverklaring">privacyverklaring'
    '</a>.</p><button class="cookie-notice__accept">Akkoord</button>'
    '<button class="cookie-notice__decline">Alleen noodzakelijke</button></div>'
)
FR_COOKIES = (
    '<div id="tarteaucitronRoot"><div id="tarteaucitronAlertBig" role="dialog">'
    '<span id="tarteaucitronDisclaimerAlert">Ce site utilise des cookies et vous donne le '
    "contrôle sur ceux que vous souhaitez activer</span>"
    '<button id="tarteaucitronPersonalize2">✓ Tout accepter</button>'
    '<button id="tarteaucitronAllDenied2">✗ Tout refuser</button>'
    '<button id="tarteaucitronCloseAlert">Personnaliser</button></div></div>'
)


# --- Webflow -----------------------------------------------------------------------------------

NORTHLINE_FOOTER = (
    '<div class="footer-grid w-layout-grid"><div><img src="/images/logo-white.svg" alt="" '
    'class="footer-logo"><p class="footer-text">Design-build for homes and small commercial '
    'spaces since 2009. OR CCB #204718.</p></div><div><h4 class="footer-heading">Visit</h4>'
    '<address class="footer-address">1420 Alder Ave, Portland, OR 97214</address>'
    '<a href="tel:+15035550142" class="footer-link">(503) 555-0142</a></div>'
    '<div><h4 class="footer-heading">Follow</h4><a href="https://www.instagram.com/northlinebuild"'
    ' class="footer-link">Instagram</a><a href="https://www.houzz.com/pro/northlinebuild" '
    'class="footer-link">Houzz</a></div></div>'
)


def _wf_member(name, title, slug, img):
    return (
        f'<div role="listitem" class="team-item w-dyn-item"><a href="/team/{slug}" '
        f'class="team-link w-inline-block"><img src="https://assets.website-files.com/'
        f'65f1c2a9/{img}.jpg" loading="lazy" alt="" class="team-photo">'
        f'<h3 class="team-name">{name}</h3><div class="team-title">{title}</div></a></div>'
    )


page(
    "webflow: team collection list, US design-build",
    "https://northlinebuild.com/about",
    "Northline Build Co.",
    banner=OSANO,
    footer=NORTHLINE_FOOTER,
)(
    '<section class="section hero-about"><div class="container w-container">'
    '<h1 class="heading-xl">Builders who pick up the phone.</h1><p class="paragraph-lg">'
    "We are a twelve-person design-build team working across the east side of Portland. Every "
    "project gets one project manager from the first sketch to the final walkthrough.</p></div>"
    "</section>\n"
    '<section class="section team"><div class="container w-container">'
    '<div class="section-label">The crew</div><h2 class="heading-l">Meet the people behind '
    'every project</h2><div class="w-dyn-list"><div role="list" class="team-grid w-dyn-items">'
    + _wf_member("Marcus Delgado", "Founder &amp; Principal", "marcus-delgado", "6601a_marcus")
    + _wf_member("Priya Raman-Holt", "Project Manager", "priya-raman-holt", "6601b_priya")
    + _wf_member("Evan O'Connell", "Site Superintendent", "evan-oconnell", "6601c_evan")
    + _wf_member("Jo-Anne Kim", "Office Manager", "jo-anne-kim", "6601d_joanne")
    + "</div></div></div></section>\n"
    '<section class="section cta"><div class="container w-container"><h2 class="heading-l">'
    'Ready to talk about your project?</h2><a href="/contact" class="button w-button">'
    "Book a consultation</a></div></section>",
    {
        "Marcus Delgado": "Founder & Principal",
        "Priya Raman-Holt": "Project Manager",
        "Evan O'Connell": "Site Superintendent",
        "Jo-Anne Kim": "Office Manager",
    },
    {"address": "1420 Alder Ave, Portland, OR 97214"},
)

page(
    "webflow: Irish dental practice, names in <strong> inside prose",
    "https://brightwaterdental.ie/about-us",
    "Brightwater Dental",
    lang="en-IE",
    banner=COOKIEBOT,
    footer=(
        '<div class="footer-cols"><div class="footer-col"><h5>Brightwater Dental</h5>'
        "<address>14 Main Street, Bray, Co. Wicklow A98 X2Y3</address>"
        '<a href="tel:+35312865540" class="footer-link">01 286 5540</a></div>'
        '<div class="footer-col"><h5>Opening hours</h5><p>Mon–Thu 8:30–18:00<br>'
        'Fri 8:30–16:00</p></div></div><p class="footer-small">Brightwater Dental Ltd. '
        "Registered in Ireland, CRO No. 612345. VAT No. IE6388047V.</p>"
    ),
)(
    '<div class="section"><div class="container w-container"><div class="rich-text '
    'w-richtext"><h1>About our practice</h1>'
    "<p>Brightwater Dental opened its doors on Main Street in 2011. The practice is led by "
    "<strong>Dr. Aoife Ní Bhriain</strong>, our Principal Dentist, who qualified from Trinity "
    "College Dublin and has a special interest in gentle care for nervous patients.</p>"
    "<p>She is joined by <strong>Dr. Cian O'Sullivan</strong>, Associate Dentist, who looks "
    "after most of our orthodontic and implant work, and by our hygienist <strong>Róisín "
    "Kavanagh</strong>.</p>"
    "<p>Behind the front desk you will find our Practice Manager, <strong>Niamh Byrne-Walsh"
    "</strong>, who will happily talk you through treatment plans, PRSI and insurance.</p>"
    '<figure class="w-richtext-figure-type-image w-richtext-align-fullwidth"><div>'
    '<img src="https://assets.website-files.com/65f1c2a9/reception.jpg" alt="Our reception">'
    "</div><figcaption>Our newly refurbished reception (2024)</figcaption></figure>"
    "<h2>Our values</h2><ul><li>No lectures, just honest advice.</li><li>Clear prices before "
    "any treatment.</li><li>Evening appointments on Tuesdays and Thursdays.</li></ul>"
    "</div></div></div>",
    {
        "Aoife Ní Bhriain": "Principal Dentist",
        "Cian O'Sullivan": "Associate Dentist",
        "Róisín Kavanagh": "hygienist",
        "Niamh Byrne-Walsh": "Practice Manager",
    },
    {"address": "14 Main Street, Bray, Co. Wicklow A98 X2Y3", "vat_id": "IE6388047V"},
)

page(
    "webflow: careers page with a job ad and the hiring contact in an apposition",
    "https://tidewaterlogistics.com/careers",
    "Tidewater Logistics",
    banner=ONETRUST,
    footer=(
        '<div class="footer-row"><p class="footer-text">Tidewater Logistics, Inc.<br>'
        "2750 Harbor Blvd, Suite 300<br>Norfolk, VA 23510</p></div>"
    ),
)(
    '<section class="section careers-hero"><div class="container w-container">'
    "<h1>Careers at Tidewater</h1><p>We move refrigerated freight up and down the East Coast "
    "and we are growing.</p></div></section>\n"
    '<section class="section"><div class="container w-container"><div class="w-dyn-list">'
    '<div role="list" class="jobs-list w-dyn-items"><div role="listitem" class="job-item '
    'w-dyn-item"><h3 class="job-title">Sales Manager</h3><div class="job-meta">Norfolk, VA · '
    'Full-time</div><div class="rich-text w-richtext"><p>We are hiring a Sales Manager to grow '
    "our accounts with regional grocers. You will report to the Vice President of Sales.</p>"
    '</div></div><div role="listitem" class="job-item w-dyn-item"><h3 class="job-title">'
    'Dispatcher (Night Shift)</h3><div class="job-meta">Norfolk, VA · Full-time</div></div>'
    "</div></div>"
    '<div class="rich-text w-richtext"><h2>Questions?</h2><p>Not sure which role fits? Write '
    "to our Head of People, <strong>Grace Oyelaran</strong>, at "
    '<a href="mailto:grace.oyelaran@tidewaterlogistics.com">grace.oyelaran@tidewaterlogistics'
    ".com</a>. She reads every message herself.</p></div></div></section>",
    {"Grace Oyelaran": "Head of People"},
    {"address": "2750 Harbor Blvd, Suite 300, Norfolk, VA 23510"},
)

page(
    "webflow: Summit speakers from other companies (decoy)",
    "https://northernlogisticssummit.com/speakers",
    "Northern Logistics Summit 2026",
    banner=OSANO,
    footer='<p class="footer-text">Organised by the Great Lakes Shippers Forum.</p>',
)(
    '<section class="section"><div class="container w-container"><h1>2026 Speakers</h1>'
    "<p>Two days, 28 sessions, one ballroom in Duluth. Meet this year's line-up.</p>"
    '<div class="w-dyn-list"><div role="list" class="speakers-grid w-dyn-items">'
    '<div role="listitem" class="speaker-card w-dyn-item"><img src="/s/1.jpg" alt="">'
    '<h3 class="speaker-name">Dana Whitlock</h3><div class="speaker-title">Chief Operating '
    'Officer, Lakehead Freight</div></div><div role="listitem" class="speaker-card '
    'w-dyn-item"><img src="/s/2.jpg" alt=""><h3 class="speaker-name">Rafael Ortiz-Mendes</h3>'
    '<div class="speaker-title">VP Supply Chain, Boreal Foods</div></div>'
    '<div role="listitem" class="speaker-card w-dyn-item"><img src="/s/3.jpg" alt="">'
    '<h3 class="speaker-name">Hannah Lindgren</h3><div class="speaker-title">Director of '
    'Logistics, Port of Thunder Bay</div></div><div role="listitem" class="speaker-card '
    'w-dyn-item"><img src="/s/4.jpg" alt=""><h3 class="speaker-name">Kwame Asante</h3>'
    '<div class="speaker-title">Founder, RouteLoop</div></div></div></div>'
    '<a href="/register" class="button w-button">Get your ticket</a></div></section>',
)

page(
    "webflow: agency home page with client logos and thanks to clients (decoy)",
    "https://brightfieldstudio.co/",
    "Brightfield Studio",
    banner=COOKIEBOT,
    footer='<p class="footer-text">Brightfield Studio · Design &amp; build for B2B brands</p>',
)(
    '<section class="section hero"><div class="container w-container"><h1 class="hero-h1">'
    'Websites that sell to engineers.</h1><a href="/work" class="button w-button">See our '
    "work</a></div></section>\n"
    '<section class="section logos"><div class="container w-container"><div class="eyebrow">'
    'Our clients include</div><div class="logo-row w-layout-grid">'
    '<img src="/l/harper-lowe.svg" alt="Harper &amp; Lowe" class="client-logo">'
    '<img src="/l/jensen-marine.svg" alt="Jensen Marine" class="client-logo">'
    '<img src="/l/morgan-stanley.svg" alt="Morgan Stanley" class="client-logo">'
    '<img src="/l/ruth-hartley.svg" alt="Ruth Hartley Architects" class="client-logo">'
    '<img src="/l/dyson.svg" alt="Dyson" class="client-logo"></div></div></section>\n'
    '<section class="section"><div class="container w-container"><h2>Recent work</h2>'
    '<div class="w-dyn-list"><div role="list" class="work-grid w-dyn-items"><div '
    'role="listitem" class="work-card w-dyn-item"><h3>Jensen Marine</h3><p>A dealer locator '
    "and parts catalogue. Thanks to Paul Brennan and the whole Jensen team.</p></div><div "
    'role="listitem" class="work-card w-dyn-item"><h3>Harper &amp; Lowe</h3><p>Rebrand and '
    "site for a 60-year-old law firm.</p></div></div></div></div></section>",
)

page(
    "webflow: US freight company, role above the name, JSON-LD Organization",
    "https://meridianfreight.com/leadership",
    "Meridian Freight Solutions",
    head=(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"Organization","name":"Meridian Freight Solutions, Inc.","url":"https://meridianfreight'
        '.com","logo":"https://meridianfreight.com/images/logo.png","address":{"@type":'
        '"PostalAddress","streetAddress":"2200 Riverfront Pkwy","addressLocality":"Louisville",'
        '"addressRegion":"KY","postalCode":"40206"},"telephone":"+1-502-555-0190"}</script>'
    ),
    banner=ONETRUST,
    footer='<p class="footer-text">© 2026 Meridian Freight Solutions, Inc.</p>',
)(
    '<section class="section"><div class="container w-container"><h1>Leadership</h1>'
    '<div class="leader-grid w-layout-grid">'
    '<div class="leader-card"><img src="/images/armstrong.jpg" alt="" class="leader-photo">'
    '<p class="eyebrow">Chief Executive Officer</p><h3 class="leader-name">Daniel K. Armstrong'
    '</h3><p class="leader-bio">Daniel founded Meridian in 2004 with two trucks.</p></div>'
    '<div class="leader-card"><img src="/images/chen.jpg" alt="" class="leader-photo">'
    '<p class="eyebrow">Chief Financial Officer</p><h3 class="leader-name">Lillian Chen</h3>'
    '<p class="leader-bio">Lillian joined from a regional bank in 2015.</p></div>'
    '<div class="leader-card"><img src="/images/booker.jpg" alt="" class="leader-photo">'
    '<p class="eyebrow">VP, Operations</p><h3 class="leader-name">Terrence Booker</h3>'
    '<p class="leader-bio">Terrence runs our three terminals.</p></div>'
    "</div></div></section>",
    {
        "Daniel K. Armstrong": "Chief Executive Officer",
        "Lillian Chen": "Chief Financial Officer",
        "Terrence Booker": "VP, Operations",
    },
    {
        "legal_name": "Meridian Freight Solutions, Inc.",
        "address": "2200 Riverfront Pkwy, Louisville, KY 40206",
    },
)

# --- GoDaddy Websites + Marketing ------------------------------------------------------------

SUNBELT_FOOTER = (
    '<h4 data-ux="FooterHeading">Sunbelt Pool &amp; Spa LLC</h4>'
    '<p data-ux="FooterText">8815 N 19th Ave, Phoenix, AZ 85021</p>'
    '<p data-ux="FooterText"><a href="tel:6025550177" data-aid="FOOTER_PHONE">(602) 555-0177'
    "</a></p>"
)

page(
    "godaddy: contact page with Owner and office manager lines",
    "https://sunbeltpoolandspa.com/contact-us",
    "Sunbelt Pool & Spa",
    cms="godaddy",
    footer=SUNBELT_FOOTER,
)(
    '<div data-ux="Section" data-aid="CONTACT_SECTION"><h2 data-ux="SectionHeading" '
    'data-aid="CONTACT_SECTION_TITLE_REND">CONTACT US</h2>'
    '<div data-ux="Grid"><div data-ux="GridCell"><h4 data-ux="ContentHeading">'
    'Better yet, see us in person!</h4><p data-ux="ContentText">We love our customers, so feel '
    "free to visit during normal business hours.</p>"
    '<p data-ux="ContentText">Owner: Ray Whitfield<br>Office Manager: Dana Whitfield</p>'
    '<h4 data-ux="ContentHeading">Sunbelt Pool &amp; Spa LLC</h4>'
    '<p data-ux="ContentText" data-aid="CONTACT_INFO_ADDRESS_REND">8815 N 19th Ave, Phoenix, '
    'AZ 85021</p><p data-ux="ContentText"><a href="tel:6025550177" '
    'data-aid="CONTACT_INFO_PHONE_REND">(602) 555-0177</a></p>'
    '<h4 data-ux="ContentHeading">Hours</h4><table data-ux="Table" '
    'data-aid="CONTACT_HOURS_REND"><tr><td>Mon</td><td>07:00 am – 05:00 pm</td></tr>'
    "<tr><td>Tue</td><td>07:00 am – 05:00 pm</td></tr><tr><td>Sat</td><td>By appointment</td>"
    "</tr><tr><td>Sun</td><td>Closed</td></tr></table></div>"
    '<div data-ux="GridCell"><form data-aid="CONTACT_FORM_CONTAINER_REND"><input '
    'data-aid="CONTACT_FORM_NAME" placeholder="Name"><input data-aid="CONTACT_FORM_EMAIL" '
    'placeholder="Email*"><textarea data-aid="CONTACT_FORM_MESSAGE" placeholder="Message">'
    '</textarea><button data-aid="CONTACT_SUBMIT_BUTTON_REND">SEND</button></form>'
    '<p data-ux="DetailsMinor">This site is protected by reCAPTCHA and the Google Privacy '
    "Policy and Terms of Service apply.</p></div></div></div>",
    {"Ray Whitfield": "Owner", "Dana Whitfield": "Office Manager"},
    {"address": "8815 N 19th Ave, Phoenix, AZ 85021"},
)

page(
    "godaddy: about page with ALL-CAPS name headings",
    "https://oreillyelectricnj.com/about-us",
    "O'Reilly Electric",
    cms="godaddy",
    footer='<p data-ux="FooterText">Licensed &amp; insured · NJ Lic. #34EI00981200</p>',
)(
    '<div data-ux="Section" data-aid="ABOUT_SECTION"><h2 data-ux="SectionHeading">ABOUT US'
    '</h2><div data-ux="Grid"><div data-ux="GridCell"><img data-ux="Image" src="//img1.'
    'wsimg.com/isteam/ip/owner.jpg" alt="">'
    '<h4 data-ux="ContentHeading" data-aid="ABOUT_HEADLINE_RENDERED0">JAMES O\'REILLY</h4>'
    '<div data-ux="ContentText" data-aid="ABOUT_DESCRIPTION_RENDERED0"><p>Owner &amp; Master '
    "Electrician</p><p>James has wired homes in Monmouth County for 22 years. Every job is "
    "inspected by him before we leave.</p></div></div>"
    '<div data-ux="GridCell"><img data-ux="Image" src="//img1.wsimg.com/isteam/ip/kev.jpg" '
    'alt=""><h4 data-ux="ContentHeading" data-aid="ABOUT_HEADLINE_RENDERED1">KEVIN MARSH</h4>'
    '<div data-ux="ContentText" data-aid="ABOUT_DESCRIPTION_RENDERED1"><p>Lead Electrician</p>'
    "<p>Kevin leads our service calls and generator installs.</p></div></div>"
    '<div data-ux="GridCell"><h4 data-ux="ContentHeading" data-aid="ABOUT_HEADLINE_RENDERED2">'
    'WHY CHOOSE US</h4><div data-ux="ContentText"><p>Upfront pricing, clean job sites and a '
    "two-year workmanship warranty.</p></div></div></div></div>",
    {"JAMES O'REILLY": "Owner & Master Electrician", "KEVIN MARSH": "Lead Electrician"},
)

page(
    "godaddy: dealer directory naming other firms' contacts (decoy)",
    "https://coastlinekayaks.com/dealers",
    "Coastline Kayaks",
    cms="godaddy",
    footer='<p data-ux="FooterText">Coastline Kayaks · Made in Maine</p>',
)(
    '<div data-ux="Section"><h2 data-ux="SectionHeading">FIND A DEALER</h2>'
    '<p data-ux="ContentText">Our boats are sold through independent paddle shops. Call ahead '
    "to check which models are in stock.</p>"
    '<div data-ux="Grid"><div data-ux="GridCell"><h4 data-ux="ContentHeading">Hansen Marine '
    '&amp; Outdoor</h4><p data-ux="ContentText">112 Harbor Rd, Camden, ME 04843<br>Contact: '
    'Erik Hansen<br>(207) 555-0131</p></div><div data-ux="GridCell"><h4 data-ux="'
    'ContentHeading">Blue Heron Paddle Co.</h4><p data-ux="ContentText">45 Water St, '
    "Portsmouth, NH 03801<br>Store manager: Alicia Travers<br>(603) 555-0178</p></div>"
    '<div data-ux="GridCell"><h4 data-ux="ContentHeading">North Shore Outfitters</h4>'
    '<p data-ux="ContentText">9 Beach Ave, Gloucester, MA 01930<br>Ask for Tom Guarino<br>'
    "(978) 555-0112</p></div></div>"
    '<p data-ux="ContentText">Want to become a dealer? <a href="/contact-us">Get in touch'
    "</a>.</p></div>",
)

# --- Jimdo -------------------------------------------------------------------------------------


def _jimdo_module(n, inner, kind="cc-m-text"):
    return (
        f'<div id="cc-matrix-{n}"><div class="j-module n j-text {kind}" id="cc-m-{n}">'
        f"{inner}</div></div>"
    )


def _jimdo_image(n, img, caption):
    return (
        f'<div class="j-module n j-imageSubtitle" id="cc-m-{n}"><figure class="cc-imagewrapper '
        f'cc-m-image-align-1"><img srcset="https://image.jimcdn.com/app/cms/image/transf/'
        f'dimension=320x10000:format=jpg/path/{img}.jpg 320w" alt="" class="" '
        f'src="https://image.jimcdn.com/app/cms/image/transf/none/path/{img}.jpg">'
        f'<figcaption style="width: 320px">{caption}</figcaption></figure></div>'
    )


page(
    "jimdo: Austrian joinery, staff in image captions 'Name, Role'",
    "https://www.tischlerei-gruber.at/ueber-uns/",
    "Tischlerei Gruber",
    lang="de-AT",
    cms="jimdo",
    banner=BORLABS,
    footer=(
        '<div class="j-module n j-text"><p>Tischlerei Gruber · Dorfstraße 17 · 4710 Grieskirchen'
        " · Tel. 07248 62 3 51</p></div>"
    ),
)(
    _jimdo_module(
        4101,
        "<h1>Über uns</h1><p>Seit drei Generationen fertigen wir in Grieskirchen Küchen, "
        "Stiegen und Möbel nach Maß. Holz aus der Region, verarbeitet in unserer eigenen "
        "Werkstatt.</p>",
    )
    + _jimdo_image(4102, "gruber-johann", "Johann Gruber, Tischlermeister und Inhaber")
    + _jimdo_image(4103, "gruber-maria", "Maria Gruber, Büro und Buchhaltung")
    + _jimdo_image(4104, "hofer-lukas", "Lukas Hofer-Steiner, Lehrling")
    + _jimdo_image(4105, "werkstatt", "Unsere Werkstatt nach dem Umbau 2022")
    + _jimdo_module(
        4106,
        "<h2>Unsere Geschichte</h2><p>1961 gründete Großvater Franz die Werkstatt in der "
        "Dorfstraße. Heute führt sein Enkel den Betrieb.</p>",
    ),
    {
        "Johann Gruber": "Tischlermeister und Inhaber",
        "Maria Gruber": "Büro und Buchhaltung",
        "Lukas Hofer-Steiner": "Lehrling",
    },
    {"address": "Dorfstraße 17, 4710 Grieskirchen"},
)

page(
    "jimdo: Austrian medical practice, names with Dr. med. univ. and Mag.",
    "https://www.ordination-leitner.at/team/",
    "Ordination Dr. Leitner",
    lang="de-AT",
    cms="jimdo",
    banner=BORLABS,
    footer=(
        '<div class="j-module n j-text"><p>Ordination Dr. Elisabeth Leitner<br>Währinger '
        "Straße 64/3<br>1090 Wien</p></div>"
    ),
)(
    _jimdo_module(
        5201,
        "<h1>Unser Team</h1><p>In unserer Ordination im 9. Bezirk betreuen wir Sie bei "
        "Beschwerden des Bewegungsapparats – von der Diagnose bis zur Therapie.</p>",
    )
    + _jimdo_module(
        5202,
        "<h2>Dr. med. univ. Elisabeth Leitner</h2><p><em>Fachärztin für Orthopädie und "
        "Traumatologie</em></p><p>Wahlärztin aller Kassen. Schwerpunkte: Sportverletzungen, "
        "Stoßwellentherapie.</p>",
    )
    + _jimdo_module(
        5203,
        "<h2>Mag. Thomas Huber</h2><p><em>Klinischer Psychologe</em></p><p>Schmerzpsychologie "
        "und Entspannungsverfahren, Termine nach Vereinbarung.</p>",
    )
    + _jimdo_module(
        5204,
        "<h2>Sabine Koller</h2><p><em>Ordinationsassistentin</em></p><p>Sabine vergibt Ihre "
        "Termine und beantwortet Fragen zu Befunden.</p>",
    )
    + _jimdo_module(
        5205,
        "<h2>Ordinationszeiten</h2><p>Mo, Mi 8–13 Uhr<br>Di, Do 14–19 Uhr<br>Fr nach "
        "Vereinbarung</p>",
    ),
    {
        "Elisabeth Leitner": "Fachärztin für Orthopädie und Traumatologie",
        "Thomas Huber": "Klinischer Psychologe",
        "Sabine Koller": "Ordinationsassistentin",
    },
    {"address": "Währinger Straße 64/3, 1090 Wien"},
)

page(
    "jimdo: Irish landscaper, 'Name – Role' lines and a VAT number",
    "https://www.kilbridelandscaping.ie/contact/",
    "Kilbride Landscaping",
    lang="en-IE",
    cms="jimdo",
    nav=(("/", "Home"), ("/gardens/", "Our Gardens"), ("/contact/", "Contact")),
    banner=COOKIEBOT,
    footer=(
        '<div class="j-module n j-text"><p>Kilbride Landscaping Ltd · Registered in Ireland '
        "No. 598431 · VAT IE9814527J</p></div>"
    ),
)(
    _jimdo_module(
        6301,
        "<h1>Get in touch</h1><p>We cover Kildare, Meath and west Dublin. Call us or use the "
        "form and we will come out to look at your garden, free of charge.</p>",
    )
    + _jimdo_module(
        6302,
        "<p><strong>Seán Kilbride</strong> – Managing Director<br>087 214 5590<br>"
        '<a href="mailto:sean@kilbridelandscaping.ie">sean@kilbridelandscaping.ie</a></p>'
        "<p><strong>Órla Kilbride</strong> – Accounts &amp; Scheduling<br>045 873 210<br>"
        '<a href="mailto:accounts@kilbridelandscaping.ie">accounts@kilbridelandscaping.ie</a>'
        "</p><p>Yard: Unit 4, Millbrook Business Park, Naas, Co. Kildare W91 K2R6</p>",
    )
    + '<div class="j-module n j-callToAction"><a class="j-calltoaction-link" href="#form">'
    "Request a visit</a></div>",
    {"Seán Kilbride": "Managing Director", "Órla Kilbride": "Accounts & Scheduling"},
    {"vat_id": "IE9814527J"},
)

page(
    "jimdo: hair salon price list with brand names that look like names (decoy)",
    "https://www.salon-haarwerk-kiel.de/preise/",
    "Haarwerk Kiel",
    cms="jimdo",
    banner=BORLABS,
    footer=(
        '<div class="j-module n j-text"><p>Haarwerk Kiel · Holtenauer Str. 88 · 24105 Kiel</p>'
        "</div>"
    ),
)(
    _jimdo_module(
        7401,
        "<h1>Preise</h1><p>Alle Preise inkl. Waschen und Föhnen. Kurzhaar / Mittellang / Lang.</p>",
    )
    + '<div class="j-module n j-table"><table class="cc-table"><thead><tr><th>Leistung</th>'
    "<th>Preis</th></tr></thead><tbody><tr><td>Damen Schnitt</td><td>ab 42 €</td></tr>"
    "<tr><td>Herren Schnitt</td><td>28 €</td></tr><tr><td>Kinder bis 10 Jahre</td><td>18 €"
    "</td></tr><tr><td>Balayage</td><td>ab 95 €</td></tr><tr><td>Olaplex Behandlung</td>"
    "<td>25 €</td></tr><tr><td>Hochsteckfrisur</td><td>ab 55 €</td></tr></tbody></table></div>"
    + _jimdo_module(
        7402,
        "<h2>Unsere Pflegeprodukte</h2><p>Wir arbeiten mit <strong>Paul Mitchell</strong>, "
        "<strong>Kevin Murphy</strong> und <strong>Davines</strong>. Alle Produkte können Sie "
        "bei uns auch für zu Hause kaufen.</p><p>Gutscheine erhalten Sie an der Kasse.</p>",
    ),
    None,
    {"address": "Holtenauer Str. 88, 24105 Kiel"},
)

page(
    "jimdo: sitemap page of links (decoy)",
    "https://www.physio-am-rosenpark.de/sitemap/",
    "Physiotherapie am Rosenpark",
    cms="jimdo",
    footer='<div class="j-module n j-text"><p>Physiotherapie am Rosenpark</p></div>',
)(
    '<div id="cc-m-sitemap" class="j-module n j-sitemap"><h1>Sitemap</h1><ul '
    'class="sitemap"><li><a href="/">Startseite</a></li><li><a href="/leistungen/">Leistungen'
    '</a><ul><li><a href="/leistungen/krankengymnastik/">Krankengymnastik</a></li><li><a '
    'href="/leistungen/manuelle-therapie/">Manuelle Therapie</a></li><li><a href="/leistungen/'
    'lymphdrainage/">Lymphdrainage</a></li></ul></li><li><a href="/team/">Team</a></li><li>'
    '<a href="/anfahrt/">Anfahrt</a><ul><li><a href="/anfahrt/">Parken an der Konrad-Adenauer-'
    'Allee</a></li><li><a href="/anfahrt/">Haltestelle Sophie-Scholl-Platz</a></li></ul></li>'
    '<li><a href="/kontakt/">Kontakt</a></li><li><a href="/impressum/">Impressum</a></li><li>'
    '<a href="/datenschutz/">Datenschutz</a></li></ul></div>',
)

# --- Shopify -----------------------------------------------------------------------------------


def _shopify_rich(inner):
    return (
        '<div id="shopify-section-template--main" class="shopify-section section">'
        '<div class="page-width page-width--narrow section-template--main-padding">'
        f'<h1 class="main-page-title page-title h0">About Us</h1><div class="rte">{inner}</div>'
        "</div></div>"
    )


page(
    "shopify: candle maker's about page, founder in lower case",
    "https://fernwoodcandle.co/pages/about-us",
    "fernwood candle co.",
    cms="shopify",
    banner=SHOPIFY_CONSENT,
    footer=(
        '<div class="footer-block"><h2 class="footer-block__heading">fernwood candle co.</h2>'
        "<p>hand-poured in small batches in Asheville, North Carolina.</p></div>"
    ),
)(
    _shopify_rich(
        "<p>fernwood was started in 2016 at a kitchen table by <strong>hannah lowe</strong> "
        "(founder and candle-maker), who wanted a candle that smelled like the woods behind "
        "her grandmother's house.</p><p>today we are a team of five, still pouring every "
        "candle by hand. our studio manager <strong>cal reyes</strong> packs most of your "
        "orders and answers most of your emails.</p><p>our best-seller is still "
        "<em>The Juniper</em>, the first scent hannah ever made.</p>"
    ),
    {"hannah lowe": "founder and candle-maker", "cal reyes": "studio manager"},
)

page(
    "shopify: coffee roaster, team as <figure><figcaption>, an outside farmer",
    "https://ridgebackcoffee.com/pages/our-team",
    "Ridgeback Coffee Roasters",
    cms="shopify",
    banner=SHOPIFY_CONSENT,
    footer=(
        '<div class="footer-block"><h2 class="footer-block__heading">Roastery</h2>'
        "<p>Ridgeback Coffee Roasters<br>611 E Pike St<br>Seattle, WA 98122</p></div>"
    ),
)(
    '<div id="shopify-section-template--team" class="shopify-section section">'
    '<div class="page-width"><h1 class="title">Meet the makers</h1>'
    '<div class="multicolumn-list grid grid--3-col-desktop">'
    '<figure class="multicolumn-card"><img src="//ridgebackcoffee.com/cdn/shop/files/'
    'aisha.jpg" alt="Aisha Bello"><figcaption><strong>Aisha Bello</strong><br>Co-Founder'
    "</figcaption></figure>"
    '<figure class="multicolumn-card"><img src="//ridgebackcoffee.com/cdn/shop/files/'
    'tomas.jpg" alt="Tomás Ferreira"><figcaption><strong>Tomás Ferreira</strong><br>Head '
    "Roaster</figcaption></figure>"
    '<figure class="multicolumn-card"><img src="//ridgebackcoffee.com/cdn/shop/files/'
    'sam.jpg" alt="Sam Whitaker-Jones"><figcaption><strong>Sam Whitaker-Jones</strong><br>'
    "Wholesale Manager</figcaption></figure></div>"
    '<div class="rte"><h2>Where our coffee comes from</h2><p>Our house espresso is built on '
    "beans from Finca La Esperanza in Huila, Colombia, farmed by Don Alfredo Mejía and his "
    "family. We have bought their whole harvest since 2019.</p><p>Try <em>The Harper Blend"
    "</em>, our brightest filter roast.</p></div></div></div>",
    {
        "Aisha Bello": "Co-Founder",
        "Tomás Ferreira": "Head Roaster",
        "Sam Whitaker-Jones": "Wholesale Manager",
    },
    {"address": "611 E Pike St, Seattle, WA 98122"},
)

page(
    "shopify: plant shop, theme JSON-LD Organization with a founder",
    "https://loamandleaf.com/pages/about-us",
    "Loam & Leaf",
    cms="shopify",
    head=(
        '<script type="application/ld+json">{"@context":"http://schema.org","@type":'
        '"Organization","name":"Loam \\u0026 Leaf","sameAs":["https://www.instagram.com/'
        'loamandleaf","https://www.pinterest.com/loamandleaf"],"url":"https://loamandleaf.com",'
        '"logo":"https://loamandleaf.com/cdn/shop/files/logo.png","founder":{"@type":"Person",'
        '"name":"Bea Okafor","jobTitle":"Founder"}}</script>\n'
        '<meta property="og:site_name" content="Loam &amp; Leaf">'
    ),
    banner=SHOPIFY_CONSENT,
)(
    _shopify_rich(
        "<p>Loam &amp; Leaf began as a stall at the Saturday market. Bea still picks every "
        "plant we ship, and writes the care cards by hand.</p><p>We ship across the "
        "contiguous US, Monday to Wednesday, so no plant spends a weekend in a warehouse.</p>"
        "<p>Questions about your order? Email "
        '<a href="mailto:hello@loamandleaf.com">hello@loamandleaf.com</a>.</p>'
    ),
    {"Bea Okafor": "Founder"},
    {"legal_name": "Loam & Leaf"},
)

page(
    "shopify: furniture collection, products named like people (decoy)",
    "https://oakandiron.com/collections/living-room",
    "Oak & Iron Furniture",
    cms="shopify",
    banner=SHOPIFY_CONSENT,
)(
    '<div id="shopify-section-template--collection-banner" class="shopify-section">'
    '<div class="collection-hero"><h1 class="collection-hero__title">Living Room</h1>'
    '<div class="collection-hero__description rte"><p>Solid white oak, built in Grand Rapids, '
    "Michigan.</p></div></div></div>"
    '<div id="shopify-section-template--product-grid" class="shopify-section">'
    '<ul id="product-grid" class="grid product-grid grid--4-col-desktop">'
    + "".join(
        f'<li class="grid__item"><div class="card-wrapper product-card-wrapper"><div '
        f'class="card__content"><h3 class="card__heading h5"><a href="/products/{slug}" '
        f'class="full-unstyled-link">{title}</a></h3><div class="price"><span '
        f'class="price-item price-item--regular">{price}</span></div><div class="caption">'
        f"{caption}</div></div></div></li>"
        for slug, title, price, caption in (
            ("harper-chair", "The Harper Chair", "$1,240.00", "Lounge chair, white oak"),
            ("eliza-sofa", "The Eliza Sofa", "$3,890.00", "Three-seat, linen"),
            ("margot-side-table", "Margot Side Table", "$480.00", "Oak, blackened steel"),
            ("wilson-lounge", "Wilson Lounge Chair", "From $1,650.00", "Designed by our studio"),
            ("lucas-bench", "Lucas Bench", "$720.00", "Seats three"),
        )
    )
    + "</ul></div>",
)

# --- Joomla ------------------------------------------------------------------------------------

_IT_NAV = (
    ("/", "Home"),
    ("/chi-siamo", "Chi siamo"),
    ("/servizi", "Servizi"),
    ("/contatti", "Contatti"),
)


def _joomla_article(title, inner):
    return (
        f'<div class="page-header"><h1 itemprop="headline">{title}</h1></div>'
        f'<div itemprop="articleBody" class="com-content-article__body">{inner}</div>'
    )


page(
    "joomla: Italian engineering studio, team as a table (Nome / Ruolo)",
    "https://www.studiotecnicobianchi.it/chi-siamo",
    "Studio Tecnico Bianchi & Associati",
    lang="it-it",
    cms="joomla",
    nav=_IT_NAV,
    banner=IUBENDA,
    footer=(
        '<div class="mod-custom custom"><p>Studio Tecnico Bianchi &amp; Associati – Via '
        "Torino 21, 10042 Nichelino (TO) – P.IVA IT02548710165</p></div>"
    ),
)(
    _joomla_article(
        "Chi siamo",
        "<p>Dal 1994 lo studio si occupa di progettazione strutturale, direzione lavori e "
        "pratiche catastali per privati e imprese della provincia di Torino.</p>"
        "<h2>Il nostro staff</h2>"
        '<table class="table table-striped"><thead><tr><th>Nome</th><th>Ruolo</th>'
        "<th>Email</th></tr></thead><tbody>"
        "<tr><td>Ing. Paolo Bianchi</td><td>Titolare</td><td>"
        '<a href="mailto:p.bianchi@studiotecnicobianchi.it">p.bianchi@studiotecnicobianchi.it'
        "</a></td></tr>"
        "<tr><td>Arch. Giulia De Santis</td><td>Socia, progettazione architettonica</td><td>"
        '<a href="mailto:g.desantis@studiotecnicobianchi.it">g.desantis@studiotecnicobianchi.it'
        "</a></td></tr>"
        "<tr><td>Geom. Luca Moretti</td><td>Tecnico di cantiere</td><td>"
        '<a href="mailto:l.moretti@studiotecnicobianchi.it">l.moretti@studiotecnicobianchi.it'
        "</a></td></tr>"
        "<tr><td>Dott.ssa Sara Colombo</td><td>Amministrazione</td><td>"
        '<a href="mailto:amministrazione@studiotecnicobianchi.it">amministrazione@'
        "studiotecnicobianchi.it</a></td></tr></tbody></table>",
    ),
    {
        "Paolo Bianchi": "Titolare",
        "Giulia De Santis": "Socia, progettazione architettonica",
        "Luca Moretti": "Tecnico di cantiere",
        "Sara Colombo": "Amministrazione",
    },
    {"vat_id": "IT02548710165"},
)

page(
    "joomla: com_contact with its microdata Person (Amministratore unico)",
    "https://www.rossiimpianti.it/contatti",
    "Rossi Impianti",
    lang="it-it",
    cms="joomla",
    nav=_IT_NAV,
    banner=IUBENDA,
    footer=(
        '<div class="mod-custom custom"><p>Rossi Impianti S.r.l. · Corso Giuseppe Garibaldi 88, '
        "24122 Bergamo · P.IVA IT03184520165 · Cap. soc. € 20.000 i.v.</p></div>"
    ),
)(
    '<div class="com-contact contact" itemscope itemtype="https://schema.org/Person">'
    '<div class="page-header"><h2><span class="contact-name" itemprop="name">Marco Rossi'
    "</span></h2></div>"
    '<dl class="com-contact__position contact-position dl-horizontal"><dt>Posizione:</dt>'
    '<dd itemprop="jobTitle">Amministratore unico</dd></dl>'
    '<div class="com-contact__container"><h3>Contatti</h3>'
    '<dl class="com-contact__address contact-address dl-horizontal" itemprop="address" '
    'itemscope itemtype="https://schema.org/PostalAddress"><dt><span class="icon-address" '
    'aria-hidden="true"></span></dt><dd><span class="contact-street" '
    'itemprop="streetAddress">Corso Giuseppe Garibaldi 88</span></dd><dd><span '
    'class="contact-suburb" itemprop="addressLocality">Bergamo</span></dd><dd><span '
    'class="contact-postcode" itemprop="postalCode">24122</span></dd>'
    '<dt><span class="icon-phone" aria-hidden="true"></span></dt><dd><span '
    'class="contact-telephone" itemprop="telephone">035 123 4567</span></dd>'
    '<dt><span class="icon-envelope" aria-hidden="true"></span></dt><dd><span '
    'class="contact-emailto"><a href="mailto:info@rossiimpianti.it">info@rossiimpianti.it</a>'
    "</span></dd></dl></div>"
    '<div class="com-contact__miscinfo contact-miscinfo"><p>Impianti elettrici, termoidraulici '
    "e fotovoltaici per abitazioni e aziende. Sopralluoghi gratuiti in tutta la provincia.</p>"
    "</div>"
    '<form id="contact-form" class="com-contact__form form-validate form-horizontal well">'
    '<fieldset><legend>Invia un messaggio</legend><input name="jform[contact_name]" '
    'placeholder="Nome"><input name="jform[contact_email]" placeholder="Email">'
    '<textarea name="jform[contact_message]"></textarea><button class="btn btn-primary" '
    'type="submit">Invia email</button></fieldset></form></div>',
    {"Marco Rossi": "Amministratore unico"},
    {"address": "Corso Giuseppe Garibaldi 88, 24122 Bergamo", "vat_id": "IT03184520165"},
)

page(
    "joomla: Italian 'note legali' of an S.r.l.",
    "https://www.vetrerialombarda.it/note-legali",
    "Vetreria Lombarda",
    lang="it-it",
    cms="joomla",
    nav=_IT_NAV,
    banner=IUBENDA,
    footer='<div class="mod-custom custom"><p>© 2026 Vetreria Lombarda S.r.l.</p></div>',
)(
    _joomla_article(
        "Note legali",
        "<p><strong>Ragione sociale:</strong> Vetreria Lombarda S.r.l.<br>"
        "<strong>Sede legale:</strong> Via dell'Industria 5, 20017 Rho (MI)<br>"
        "<strong>Codice fiscale e Partita IVA:</strong> IT06892130631<br>"
        "<strong>REA:</strong> MI-2045781<br>"
        "<strong>Capitale sociale:</strong> € 50.000,00 i.v.<br>"
        "<strong>Amministratore unico:</strong> Dott. Alberto Ferri<br>"
        "<strong>PEC:</strong> vetrerialombarda@legalmail.it</p>"
        "<h2>Responsabile del trattamento dei dati</h2><p>Il titolare del trattamento è "
        "Vetreria Lombarda S.r.l. nella persona del legale rappresentante.</p>"
        "<h2>Crediti</h2><p>Realizzazione sito: Webagency Nord S.r.l. – Fotografie: Stefano "
        "Galli Fotografo.</p>",
    ),
    {"Alberto Ferri": "Amministratore unico"},
    {"legal_name": "Vetreria Lombarda S.r.l.", "vat_id": "IT06892130631"},
)

page(
    "joomla: press release quoting outsiders only (decoy)",
    "https://www.harborviewmarina.com/news/new-fuel-dock-opens",
    "Harborview Marina",
    cms="joomla",
    banner=OSANO,
    footer=(
        '<div class="mod-custom custom"><p>Harborview Marina · 300 Lakeshore Dr, Sandusky, '
        "OH 44870</p></div>"
    ),
)(
    '<div class="page-header"><h1 itemprop="headline">New fuel dock opens for the 2026 season'
    '</h1></div><dl class="article-info text-muted"><dt class="article-info-term">Details</dt>'
    '<dd class="published"><time datetime="2026-04-14T09:00:00+00:00" '
    'itemprop="datePublished">Published: 14 April 2026</time></dd><dd class="hits">'
    '<meta itemprop="interactionCount" content="UserPageVisits:412">Hits: 412</dd></dl>'
    '<div itemprop="articleBody" class="com-content-article__body">'
    "<p>SANDUSKY, Ohio — A new eight-pump fuel dock opened at Harborview Marina on Monday, "
    "cutting waiting times for boaters on the Lake Erie islands route.</p>"
    "<p>“This is good news for every charter captain on the bay,” said Mayor Karen Whitfield, "
    "who cut the ribbon. “It keeps boats, and visitors, in Sandusky.”</p>"
    "<p>Mark Delaney, president of the Lake Erie Charter Captains Association, said his members "
    "had asked for a second fuel dock for years.</p>"
    "<p>The dock was built by Great Lakes Marine Construction and designed by engineer "
    "Patricia Okoro of Okoro &amp; Webb.</p>"
    "<p><strong>Media contact:</strong> press@harborviewmarina.com</p></div>",
    None,
    {"address": "300 Lakeshore Dr, Sandusky, OH 44870"},
)

# --- Drupal ------------------------------------------------------------------------------------


def _views_row(name, position, email):
    return (
        '<div class="views-row"><article class="node node--type-staff node--view-mode-teaser">'
        '<div class="field field--name-field-photo field--type-image"><img src="/sites/default/'
        'files/styles/staff/public/staff.jpg" alt="Staff photo" loading="lazy"></div>'
        f'<h3 class="node__title"><span class="field field--name-title">{name}</span></h3>'
        '<div class="field field--name-field-position field--type-string field--label-hidden '
        f'field__item">{position}</div>'
        '<div class="field field--name-field-email field--type-email field--label-hidden '
        f'field__item"><a href="mailto:{email}">{email}</a></div></article></div>'
    )


page(
    "drupal: CPA firm staff view, names with CPA after them",
    "https://haleostrowski.com/our-team",
    "Hale & Ostrowski CPAs",
    cms="drupal",
    banner=ONETRUST,
    footer=(
        '<div id="block-footeraddress" class="block block-block-content"><div class="field '
        'field--name-body"><p>Hale &amp; Ostrowski CPAs, PLLC</p><p>400 Commerce St, Suite 210, '
        "Nashville, TN 37201</p><p>(615) 555-0148</p></div></div>"
    ),
)(
    '<h1 class="page-title"><span class="field field--name-title">Our Team</span></h1>'
    '<div class="views-element-container"><div class="view view-staff view-id-staff '
    'view-display-id-page_1"><div class="view-content">'
    + _views_row("Karen Ostrowski, CPA", "Managing Partner", "kostrowski@haleostrowski.com")
    + _views_row("Benjamin Hale, CPA", "Partner", "bhale@haleostrowski.com")
    + _views_row("Rosa María Delgado", "Tax Manager", "rdelgado@haleostrowski.com")
    + _views_row("Trevor Nguyen", "Staff Accountant", "tnguyen@haleostrowski.com")
    + _views_row("Emily Vance-Ruiz", "Client Services Coordinator", "evanceruiz@haleostrowski.com")
    + "</div></div></div>",
    {
        "Karen Ostrowski": "Managing Partner",
        "Benjamin Hale": "Partner",
        "Rosa María Delgado": "Tax Manager",
        "Trevor Nguyen": "Staff Accountant",
        "Emily Vance-Ruiz": "Client Services Coordinator",
    },
    {"address": "400 Commerce St, Suite 210, Nashville, TN 37201"},
)


def _accordion(i, name, role, bio):
    return (
        f'<div class="accordion-item"><h2 class="accordion-header" id="h{i}"><button '
        f'class="accordion-button collapsed" type="button" data-bs-toggle="collapse" '
        f'data-bs-target="#c{i}" aria-expanded="false" aria-controls="c{i}">{name}</button>'
        f'</h2><div id="c{i}" class="accordion-collapse collapse" aria-labelledby="h{i}">'
        f'<div class="accordion-body"><p class="functie"><strong>{role}</strong></p><p>{bio}</p>'
        "</div></div></div>"
    )


page(
    "drupal: Flemish accounting office, team in a Bootstrap accordion",
    "https://www.boekhouding-peeters.be/nl/ons-team",
    "Peeters & Janssens Boekhouding",
    lang="nl-BE",
    cms="drupal",
    nav=(
        ("/nl", "Home"),
        ("/nl/diensten", "Diensten"),
        ("/nl/ons-team", "Ons team"),
        ("/nl/contact", "Contact"),
    ),
    banner=NL_COOKIES,
    footer=(
        '<div class="block block-block-content"><p>Peeters &amp; Janssens BV<br>'
        "Mechelsesteenweg 214<br>2018 Antwerpen</p><p>Ondernemingsnummer / BTW BE 0471.823.044 "
        "· RPR Antwerpen</p></div>"
    ),
)(
    '<h1 class="page-title">Ons team</h1><div class="field field--name-body"><p>Een klein '
    "kantoor met korte lijnen: u heeft altijd één vaste dossierbeheerder.</p></div>"
    '<div class="accordion" id="teamAccordion">'
    + _accordion(1, "Els Peeters", "Zaakvoerder", "Erkend boekhouder-fiscalist ITAA sinds 2003.")
    + _accordion(2, "Bart Janssens", "Zaakvoerder", "Specialist in vennootschapsbelasting.")
    + _accordion(
        3,
        "Fatima El Idrissi",
        "Dossierbeheerder",
        "Volgt de dossiers van zelfstandigen en vrije beroepen op.",
    )
    + _accordion(4, "Joris Van den Broeck", "Stagiair accountant", "Sinds september 2025 bij ons.")
    + "</div>",
    {
        "Els Peeters": "Zaakvoerder",
        "Bart Janssens": "Zaakvoerder",
        "Fatima El Idrissi": "Dossierbeheerder",
        "Joris Van den Broeck": "Stagiair accountant",
    },
    {"address": "Mechelsesteenweg 214, 2018 Antwerpen", "vat_id": "BE0471823044"},
)

page(
    "drupal: Belgian joinery contact page in French (Gérant, BCE, TVA)",
    "https://www.menuiserie-dubois.be/fr/contact",
    "Menuiserie Dubois",
    lang="fr-BE",
    cms="drupal",
    nav=(("/fr", "Accueil"), ("/fr/realisations", "Réalisations"), ("/fr/contact", "Contact")),
    banner=FR_COOKIES,
    footer=(
        '<div class="block block-block-content"><p>Menuiserie Dubois SRL – BCE 0736.251.972 – '
        "TVA BE 0736.251.972</p></div>"
    ),
)(
    '<h1 class="page-title">Contact</h1><div class="field field--name-body">'
    "<p>Menuiserie Dubois SRL<br>Rue de la Station 27<br>5000 Namur</p>"
    "<p>Tél. : 081 22 45 67<br>Courriel : "
    '<a href="mailto:info@menuiserie-dubois.be">info@menuiserie-dubois.be</a></p>'
    "<h2>Vos interlocuteurs</h2>"
    "<p>Gérant : Philippe Dubois<br>Responsable d'atelier : Kevin Lambert<br>"
    "Assistante administrative : Nathalie Dubois-Renard</p>"
    "<h2>Horaires de l'atelier</h2><p>Du lundi au vendredi de 7 h 30 à 16 h 30.</p></div>"
    '<div class="webform-submission-form"><form><input name="nom" placeholder="Nom">'
    '<input name="email" placeholder="E-mail"><textarea name="message"></textarea>'
    "<button>Envoyer</button></form></div>",
    {
        "Philippe Dubois": "Gérant",
        "Kevin Lambert": "Responsable d'atelier",
        "Nathalie Dubois-Renard": "Assistante administrative",
    },
    {"address": "Rue de la Station 27, 5000 Namur", "vat_id": "BE0736251972"},
)

page(
    "drupal: grain cooperative, board and general manager 'Name, Role'",
    "https://prairiegraincoop.com/about/leadership",
    "Prairie Grain Cooperative",
    cms="drupal",
    banner=OSANO,
    footer=(
        '<div class="block block-block-content"><p>Prairie Grain Cooperative · 101 Elevator Rd, '
        "Hastings, NE 68901 · (402) 555-0120</p></div>"
    ),
)(
    '<h1 class="page-title">Leadership</h1><div class="field field--name-body">'
    "<p>Prairie Grain is owned by 640 member farms in south-central Nebraska. Members elect "
    "a nine-person board each February.</p>"
    "<h2>Management</h2><p>Tom Reiners, General Manager<br>Shelby Kraus, Controller<br>"
    "Luis Garza, Agronomy Manager</p>"
    "<h2>Board of Directors</h2><ul><li>Harold Jensen, Chair</li><li>Linda Moravec, Vice "
    "Chair</li><li>Dale Pfeifer, Secretary</li></ul>"
    "<p>Annual meeting: February 12, 2026, at the Adams County Fairgrounds.</p></div>",
    {
        "Tom Reiners": "General Manager",
        "Shelby Kraus": "Controller",
        "Luis Garza": "Agronomy Manager",
        "Harold Jensen": "Chair",
        "Linda Moravec": "Vice Chair",
        "Dale Pfeifer": "Secretary",
    },
    {"address": "101 Elevator Rd, Hastings, NE 68901"},
)

page(
    "drupal: case study with a client's quote (decoy)",
    "https://northstarautomation.com/case-studies/coastal-foods",
    "Northstar Automation",
    cms="drupal",
    banner=ONETRUST,
)(
    '<h1 class="page-title">Coastal Foods cuts changeover time by 40%</h1>'
    '<div class="field field--name-field-client">Client: Coastal Foods, Savannah, GA</div>'
    '<div class="field field--name-body"><p>Coastal Foods packs 30 million cans of seafood a '
    "year on four lines. Each recipe change took most of a shift.</p>"
    '<blockquote class="testimonial"><p>“Northstar understood our lines in a week. We run '
    "two more changeovers a day now.”</p><footer>— Angela Ruiz, Operations Director, Coastal "
    "Foods</footer></blockquote>"
    "<h2>What we did</h2><p>We replaced the manual filler adjustments with servo-driven "
    "change parts and a recipe screen on each line.</p>"
    "<p>Plant engineer Derek Shaw of Coastal Foods led the acceptance tests.</p></div>",
)

page(
    "drupal: news blog author archive (decoy)",
    "https://harbourtownnews.co.uk/author/daniel-price",
    "Harbourtown News",
    lang="en-GB",
    cms="drupal",
    banner=COOKIEBOT,
)(
    '<h1 class="page-title">Articles by Daniel Price</h1><div class="view view-author-archive">'
    '<div class="view-content">'
    + "".join(
        f'<div class="views-row"><article class="node node--type-article node--view-mode-teaser">'
        f'<h2 class="node__title"><a href="/news/{slug}">{title}</a></h2>'
        '<div class="node__meta"><span class="field field--name-uid">By Daniel Price</span> · '
        f'<span class="field field--name-created">{date}</span></div>'
        f'<div class="field field--name-body"><p>{teaser}</p></div></article></div>'
        for slug, title, date, teaser in (
            (
                "ferry-timetable",
                "Ferry timetable changes from May",
                "2 April 2026",
                "Councillor Susan Hartley says the cuts are temporary.",
            ),
            (
                "lifeboat-station",
                "Lifeboat station gets new boat",
                "28 March 2026",
                "Coxswain Rob Ellery showed the crew round the Shannon-class boat.",
            ),
            (
                "market-square",
                "Market square works delayed",
                "19 March 2026",
                "Contractors blame the wet winter.",
            ),
        )
    )
    + '</div><nav class="pager"><ul class="pager__items"><li class="pager__item"><a '
    'href="?page=1">Next ›</a></li></ul></nav></div>',
)

page(
    "drupal: German job ads with an HR department contact (decoy)",
    "https://www.weber-antriebstechnik.de/karriere",
    "Weber Antriebstechnik",
    lang="de",
    cms="drupal",
    nav=_DE_NAV,
    banner=BORLABS,
)(
    '<h1 class="page-title">Karriere</h1><div class="field field--name-body">'
    "<p>Wir wachsen und suchen Verstärkung für unser Werk in Bielefeld.</p>"
    '<div class="job"><h2>Vertriebsleiter (m/w/d) Süddeutschland</h2><p>Sie betreuen unsere '
    "Kunden im Maschinenbau und berichten an die Geschäftsführung.</p></div>"
    '<div class="job"><h2>Industriemechaniker (m/w/d)</h2><p>Montage und Inbetriebnahme von '
    "Getriebemotoren.</p></div>"
    '<div class="job"><h2>Ausbildung zum Mechatroniker (m/w/d) 2026</h2></div>'
    "<p><strong>Ihr Kontakt:</strong> Personalabteilung<br>"
    '<a href="mailto:bewerbung@weber-antriebstechnik.de">bewerbung@weber-antriebstechnik.de'
    "</a></p></div>",
)

page(
    "drupal: Dutch local news item quoting an alderman (decoy)",
    "https://www.installatiebedrijf-smit.nl/nieuws/nieuwe-vestiging-geopend",
    "Installatiebedrijf Smit",
    lang="nl",
    cms="drupal",
    nav=(("/", "Home"), ("/diensten", "Diensten"), ("/nieuws", "Nieuws"), ("/contact", "Contact")),
    banner=NL_COOKIES,
)(
    '<h1 class="page-title">Nieuwe vestiging in Hengelo geopend</h1>'
    '<div class="field field--name-field-date">12 maart 2026</div>'
    '<div class="field field--name-body"><p>Op vrijdag 6 maart werd onze nieuwe vestiging aan '
    "de Willem Wilminkplein officieel geopend door wethouder Jan de Boer.</p>"
    "<p>“Goed dat vakmensen zich hier vestigen,” aldus De Boer. Ook Marloes Jansen van "
    "Ondernemersvereniging Hengelo was aanwezig.</p>"
    "<p>Foto: Studio Kees Bakker</p></div>",
)

# --- Ghost -------------------------------------------------------------------------------------


def _ghost_page(title, inner, excerpt=""):
    lead = f'<p class="gh-article-excerpt is-body">{excerpt}</p>' if excerpt else ""
    return (
        '<article class="gh-article page"><header class="gh-article-header gh-canvas">'
        f'<h1 class="gh-article-title is-title">{title}</h1>{lead}</header>'
        f'<section class="gh-content gh-canvas is-body">{inner}</section></article>'
    )


page(
    "ghost: solo studio's about page, founder in a kg-image-card caption",
    "https://fieldnote.studio/about/",
    "Fieldnote Studio",
    cms="ghost",
    nav=(("/", "Home"), ("/about/", "About"), ("/work/", "Work"), ("/notes/", "Notes")),
)(
    _ghost_page(
        "About",
        '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/content/images/'
        '2025/09/lena.jpg" class="kg-image" alt="" loading="lazy" width="1600" height="1067">'
        "<figcaption>Lena Vogt-Marsh, founder</figcaption></figure>"
        "<p>Fieldnote is a two-person research and design studio in Bristol. We help small "
        "software companies find out why people stop using their product.</p>"
        "<p>Before starting Fieldnote I spent six years in user research, most recently at "
        "Spotify, where I worked with Jonas Berg on the podcast team.</p>"
        '<div class="kg-card kg-callout-card kg-callout-card-grey"><div class="kg-callout-emoji">'
        '💡</div><div class="kg-callout-text">We take on four projects a quarter. Next '
        "opening: March.</div></div>"
        '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
        'href="https://www.nngroup.com/articles/">'
        '<div class="kg-bookmark-content"><div class="kg-bookmark-title">Articles | Nielsen '
        'Norman Group</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">'
        "Jakob Nielsen</span></div></div></a></figure>",
        "Research that ends in a decision.",
    ),
    {"Lena Vogt-Marsh": "founder"},
)

page(
    "ghost: podcast episode with guests from other companies (decoy)",
    "https://opsroom.fm/episode-42-warehouse-robots/",
    "The Ops Room",
    cms="ghost",
    nav=(("/", "Episodes"), ("/about/", "About"), ("/sponsor/", "Sponsor")),
    head=(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"Article","headline":"Episode 42: Do warehouse robots pay off?","author":{"@type":'
        '"Person","name":"Ops Room Editorial"},"datePublished":"2026-03-02T08:00:00.000Z"}'
        "</script>"
    ),
)(
    '<article class="gh-article post tag-episodes"><header class="gh-article-header '
    'gh-canvas"><a class="gh-article-tag" href="/tag/episodes/">Episodes</a>'
    '<h1 class="gh-article-title is-title">Episode 42: Do warehouse robots pay off?</h1>'
    '<div class="gh-article-meta"><time class="gh-article-meta-date" datetime="2026-03-02">'
    "Mar 2, 2026</time> · 58 min listen</div></header>"
    '<section class="gh-content gh-canvas is-body"><div class="kg-card kg-audio-card">'
    '<div class="kg-audio-title">Episode 42</div></div>'
    "<p>This week we ask three operators what happened after the robots arrived.</p>"
    "<h2>Guests</h2><ul><li><strong>Jordan Ellis</strong>, CEO, Brightpath Analytics</li>"
    "<li><strong>Mei Tanaka</strong>, Head of Growth at Loopwise</li><li><strong>Oskar "
    "Lindholm</strong>, Warehouse Director, Nordhavn Retail</li></ul>"
    "<h2>Mentioned</h2><ul><li>The 2025 MHI Annual Industry Report</li><li>Chapter 3 of "
    "<em>The Goal</em> by Eliyahu Goldratt</li></ul></section></article>",
)

page(
    "ghost: bookkeeping practice, team in callout cards 'Name, Role'",
    "https://theledgerbooks.co.uk/our-team/",
    "The Ledger",
    lang="en-GB",
    cms="ghost",
    banner=COOKIEBOT,
    footer=(
        '<div class="gh-footer-menu"><p>The Ledger Bookkeeping Ltd, 12 Castle Street, '
        "Shrewsbury SY1 2BQ. Registered in England and Wales, company number 11427730.</p></div>"
    ),
)(
    _ghost_page(
        "Our team",
        "<p>Three of us, all AAT qualified, all local.</p>"
        '<div class="kg-card kg-callout-card kg-callout-card-white"><div '
        'class="kg-callout-text"><strong>Ruth Adeyemi</strong>, Principal Bookkeeper. Ruth '
        "set up The Ledger in 2018 after ten years in practice.</div></div>"
        '<div class="kg-card kg-callout-card kg-callout-card-white"><div '
        'class="kg-callout-text"><strong>Gareth Pryce-Jones</strong>, Payroll Manager. Gareth '
        "runs payroll for 60 local employers.</div></div>"
        '<div class="kg-card kg-callout-card kg-callout-card-white"><div '
        'class="kg-callout-text"><strong>Chloe Denham</strong>, Bookkeeper. Chloe looks after '
        "our sole traders and landlords.</div></div>"
        "<p><em>Team photos by Kit Sorensen Photography.</em></p>",
    ),
    {
        "Ruth Adeyemi": "Principal Bookkeeper",
        "Gareth Pryce-Jones": "Payroll Manager",
        "Chloe Denham": "Bookkeeper",
    },
    {"address": "12 Castle Street, Shrewsbury SY1 2BQ", "company_number": "11427730"},
)

page(
    "ghost: design award jury from other firms (decoy)",
    "https://makersguild.org/award-2026-jury/",
    "Makers Guild",
    cms="ghost",
)(
    _ghost_page(
        "Meet the 2026 Makers Award jury",
        "<p>Entries close on 30 June. This year's jury:</p>"
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container">'
        '<h4 class="kg-product-card-title">Ingrid Solberg</h4><div '
        'class="kg-product-card-description"><p>Creative Director, Solberg &amp; Vik, Oslo</p>'
        "</div></div></div>"
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container">'
        '<h4 class="kg-product-card-title">Marcus Oyelowo</h4><div '
        'class="kg-product-card-description"><p>Head of Design, Tessellate Furniture</p></div>'
        "</div></div>"
        '<div class="kg-card kg-product-card"><div class="kg-product-card-container">'
        '<h4 class="kg-product-card-title">Prof. Helen Achterberg</h4><div '
        'class="kg-product-card-description"><p>Professor of Industrial Design, TU Delft</p>'
        "</div></div></div>",
    ),
)

# --- Hugo --------------------------------------------------------------------------------------

page(
    "hugo: German software GmbH team page from Markdown, titles before names",
    "https://kestrel-labs.de/team/",
    "Kestrel Labs",
    lang="de",
    cms="hugo",
    nav=(
        ("/", "Start"),
        ("/produkte/", "Produkte"),
        ("/team/", "Team"),
        ("/jobs/", "Jobs"),
        ("/impressum/", "Impressum"),
    ),
    banner=BORLABS,
)(
    '<article class="page"><h1 id="unser-team">Unser Team</h1>'
    "<p>Wir sind neun Menschen in Karlsruhe, die Software für Labore bauen.</p>"
    '<h3 id="dr-miriam-hoffmann">Dr. Miriam Hoffmann</h3><p><em>Geschäftsführerin</em></p>'
    "<p>Miriam hat Kestrel 2019 nach ihrer Promotion in Bioinformatik gegründet.</p>"
    '<h3 id="dipl-ing-stefan-wendt">Dipl.-Ing. Stefan Wendt</h3><p><em>Leiter Entwicklung'
    "</em></p><p>Stefan kam von einem Messtechnik-Hersteller und verantwortet unsere "
    "Geräteanbindung.</p>"
    '<h3 id="aylin-demir">Aylin Demir</h3><p><em>Softwareentwicklerin</em></p>'
    "<p>Aylin baut unsere Web-Oberfläche.</p>"
    '<h3 id="jan-ole-petersen">Jan-Ole Petersen</h3><p><em>Werkstudent</em></p>'
    "<p>Jan-Ole studiert Informatik am KIT.</p>"
    '<h2 id="beirat">Wissenschaftlicher Partner</h2><p>Wir arbeiten eng mit dem Labor von '
    "Prof. Dr. Klaus Reinhardt an der Universität Heidelberg zusammen.</p></article>",
    {
        "Miriam Hoffmann": "Geschäftsführerin",
        "Stefan Wendt": "Leiter Entwicklung",
        "Aylin Demir": "Softwareentwicklerin",
        "Jan-Ole Petersen": "Werkstudent",
    },
)

page(
    "hugo: Swiss Impressum of an AG (Vertreten durch, UID, Handelsregister)",
    "https://alpenblick-treuhand.ch/impressum/",
    "Alpenblick Treuhand AG",
    lang="de-CH",
    cms="hugo",
    nav=(
        ("/", "Home"),
        ("/dienstleistungen/", "Dienstleistungen"),
        ("/kontakt/", "Kontakt"),
        ("/impressum/", "Impressum"),
    ),
)(
    '<article class="page"><h1 id="impressum">Impressum</h1>'
    '<h2 id="kontaktadresse">Kontaktadresse</h2><p>Alpenblick Treuhand AG<br>Bahnhofstrasse '
    "12<br>6300 Zug</p><p>Telefon: +41 41 710 22 33<br>E-Mail: "
    '<a href="mailto:info@alpenblick-treuhand.ch">info@alpenblick-treuhand.ch</a></p>'
    '<h2 id="vertretungsberechtigte-personen">Vertretungsberechtigte Personen</h2>'
    "<p>Reto Caflisch, Präsident des Verwaltungsrates<br>Corinne Zürcher-Bühler, "
    "Geschäftsführerin</p>"
    '<h2 id="handelsregistereintrag">Handelsregistereintrag</h2><p>Eingetragener Firmenname: '
    "Alpenblick Treuhand AG<br>Handelsregisteramt: Kanton Zug<br>Unternehmens-Nr (UID): "
    'CHE-114.532.686</p><h2 id="mehrwertsteuernummer">Mehrwertsteuernummer</h2><p>'
    "CHE-114.532.686 MWST</p>"
    '<h2 id="haftungsausschluss">Haftungsausschluss</h2><p>Der Autor übernimmt keinerlei '
    "Gewähr hinsichtlich der inhaltlichen Richtigkeit, Genauigkeit, Aktualität, "
    "Zuverlässigkeit und Vollständigkeit der Informationen.</p>"
    '<p>Quelle: <a href="https://www.swissanwalt.ch">SwissAnwalt</a></p></article>',
    {
        "Reto Caflisch": "Präsident des Verwaltungsrates",
        "Corinne Zürcher-Bühler": "Geschäftsführerin",
    },
    {"legal_name": "Alpenblick Treuhand AG", "address": "Bahnhofstrasse 12, 6300 Zug"},
)

page(
    "hugo: design studio contact page, names as mailto link text",
    "https://studio-lindqvist.se/contact/",
    "Studio Lindqvist",
    cms="hugo",
    nav=(("/", "Work"), ("/about/", "About"), ("/contact/", "Contact")),
)(
    '<article class="page"><h1 id="contact">Contact</h1><p>We are a small studio for '
    "identity and packaging design in Malmö. New projects:</p>"
    '<ul><li><a href="mailto:maja.lindqvist@studio-lindqvist.se">Maja Lindqvist</a> — '
    'Creative Director</li><li><a href="mailto:erik.sandberg@studio-lindqvist.se">Erik '
    "Sandberg</a> — Studio Manager</li></ul><p>Press and everything else: "
    '<a href="mailto:hello@studio-lindqvist.se">hello@studio-lindqvist.se</a></p>'
    "<p>Studio Lindqvist AB<br>Davidshallsgatan 20<br>211 45 Malmö</p></article>",
    {"Maja Lindqvist": "Creative Director", "Erik Sandberg": "Studio Manager"},
    {"address": "Davidshallsgatan 20, 211 45 Malmö"},
)

page(
    "hugo: Dutch physiotherapy practice, microdata Person (itemprop)",
    "https://www.fysiodelinde.nl/team/",
    "Fysiotherapie De Linde",
    lang="nl",
    cms="hugo",
    nav=(
        ("/", "Home"),
        ("/behandelingen/", "Behandelingen"),
        ("/team/", "Team"),
        ("/contact/", "Contact"),
    ),
    banner=NL_COOKIES,
    footer=(
        '<div itemscope itemtype="https://schema.org/MedicalBusiness"><p><span '
        'itemprop="name">Fysiotherapie De Linde</span><br><span itemprop="address" itemscope '
        'itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">Lindelaan 8'
        '</span>, <span itemprop="postalCode">3521 AB</span> <span itemprop="addressLocality">'
        "Utrecht</span></span></p><p>KvK 30276615 · BTW NL812364752B01</p></div>"
    ),
)(
    '<article class="page"><h1 id="ons-team">Ons team</h1><div class="team">'
    + "".join(
        '<div class="member" itemscope itemtype="https://schema.org/Person">'
        f'<img itemprop="image" src="/img/team/{slug}.jpg" alt="">'
        f'<h3 itemprop="name">{name}</h3><p itemprop="jobTitle">{title}</p></div>'
        for slug, name, title in (
            ("sanne", "Sanne van der Berg", "Praktijkhouder en fysiotherapeut"),
            ("pieter", "Pieter de Vries", "Manueel therapeut"),
            ("yvonne", "Yvonne van den Heuvel-Smit", "Bekkenfysiotherapeut"),
            ("mohamed", "Mohamed El Amrani", "Sportfysiotherapeut"),
            ("ingrid", "Ingrid Mulder", "Secretaresse"),
        )
    )
    + "</div></article>",
    {
        "Sanne van der Berg": "Praktijkhouder en fysiotherapeut",
        "Pieter de Vries": "Manueel therapeut",
        "Yvonne van den Heuvel-Smit": "Bekkenfysiotherapeut",
        "Mohamed El Amrani": "Sportfysiotherapeut",
        "Ingrid Mulder": "Secretaresse",
    },
    {"address": "Lindelaan 8, 3521 AB Utrecht", "vat_id": "NL812364752B01"},
)

page(
    "hugo: US cabinet shop with a 'Contact: Name' line and an LLC",
    "https://blueridgecabinetry.com/contact/",
    "Blue Ridge Cabinetry",
    cms="hugo",
    banner=OSANO,
    head=(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
        '"HomeAndConstructionBusiness","name":"Blue Ridge Cabinetry LLC","address":{"@type":'
        '"PostalAddress","streetAddress":"77 Depot St","addressLocality":"Boone",'
        '"addressRegion":"NC","postalCode":"28607"},"telephone":"+1-828-555-0163",'
        '"openingHours":"Mo-Fr 08:00-17:00"}</script>'
    ),
)(
    '<article class="page"><h1 id="contact-us">Contact us</h1><p>Showroom visits by '
    "appointment, Monday to Friday.</p><p>77 Depot St<br>Boone, NC 28607<br>(828) 555-0163</p>"
    "<p>Contact: Linda Park<br>"
    '<a href="mailto:orders@blueridgecabinetry.com">orders@blueridgecabinetry.com</a></p>'
    "<p>For warranty claims please include your order number and photos.</p></article>",
    {"Linda Park": ""},
    {
        "legal_name": "Blue Ridge Cabinetry LLC",
        "address": "77 Depot St, Boone, NC 28607",
        "opening_hours": "Mo-Fr 08:00-17:00",
    },
)

page(
    "hugo: 404 page (decoy)",
    "https://kestrel-labs.de/does-not-exist/",
    "Kestrel Labs",
    lang="de",
    cms="hugo",
)(
    '<article class="page error-404"><h1>404 – Seite nicht gefunden</h1><p>Diese Seite gibt '
    'es nicht (mehr). Zurück zur <a href="/">Startseite</a> oder zum '
    '<a href="/team/">Team</a>.</p><p>Oder suchen Sie etwas bestimmtes?</p>'
    '<form action="/search/"><input name="q" placeholder="Suche"></form></article>',
)

page(
    "hugo: Italian recipe post, dishes and a nonna (decoy)",
    "https://www.trattoriadamario.it/ricette/pasta-alla-norma/",
    "Trattoria da Mario",
    lang="it",
    cms="hugo",
    nav=_IT_NAV,
    banner=IUBENDA,
)(
    '<article class="post"><h1>Pasta alla Norma, la ricetta della nonna</h1>'
    '<p class="meta"><time datetime="2026-02-10">10 febbraio 2026</time> · Ricette</p>'
    "<p>La nonna Concetta la preparava ogni domenica, con melanzane fritte e ricotta salata. "
    "Il nome viene dall'opera <em>Norma</em> di Vincenzo Bellini.</p>"
    "<h2>Ingredienti</h2><ul><li>400 g di maccheroni</li><li>2 melanzane</li><li>500 g di "
    "pomodori San Marzano</li><li>ricotta salata</li><li>basilico</li></ul>"
    "<h2>Da provare anche</h2><ul><li>Pizza Margherita</li><li>Spaghetti alla Carlofortina"
    "</li><li>Tiramisù di Zia Rosa</li></ul></article>",
)

# --- more pages in the shells above ------------------------------------------------------------

page(
    "jimdo: Italian bakery (ditta individuale), Titolare in the footer",
    "https://www.panificioesposito.it/chi-siamo/",
    "Panificio Esposito",
    lang="it",
    cms="jimdo",
    nav=_IT_NAV,
    banner=IUBENDA,
    footer=(
        '<div class="j-module n j-text"><p>Panificio Esposito di Giuseppe Esposito – Titolare: '
        "Giuseppe Esposito – Via Giuseppe Mazzini 12, 80121 Napoli – P.IVA IT04729160160</p>"
        "</div>"
    ),
)(
    _jimdo_module(
        8501,
        "<h1>Chi siamo</h1><p>Dal 1978 il nostro forno a legna sforna pane, taralli e "
        "casatiello nel cuore di Napoli. Oggi il panificio è guidato da <strong>Giuseppe "
        "Esposito</strong>, figlio del fondatore, insieme alla figlia <strong>Carmela Esposito"
        "</strong>.</p><p>Venite a trovarci: il pane esce dal forno alle 6:30.</p>",
    ),
    {"Giuseppe Esposito": "Titolare", "Carmela Esposito": ""},
    {"address": "Via Giuseppe Mazzini 12, 80121 Napoli", "vat_id": "IT04729160160"},
)

page(
    "drupal: Dutch installer's contact page (Directeur, B.V., KvK, BTW)",
    "https://www.installatiebedrijf-smit.nl/contact",
    "Installatiebedrijf Smit",
    lang="nl",
    cms="drupal",
    nav=(("/", "Home"), ("/diensten", "Diensten"), ("/nieuws", "Nieuws"), ("/contact", "Contact")),
    banner=NL_COOKIES,
    footer=(
        '<div class="block block-block-content"><p>Installatiebedrijf Smit B.V. · KvK 08123456 · '
        "BTW NL854190326B01</p></div>"
    ),
)(
    '<h1 class="page-title">Contact</h1><div class="field field--name-body">'
    "<p>Installatiebedrijf Smit B.V.<br>Industrieweg 14<br>7461 BM Rijssen</p>"
    '<p>T: 0548 51 22 30<br>E: <a href="mailto:info@smit-installatie.nl">'
    "info@smit-installatie.nl</a></p>"
    "<h2>Uw contactpersonen</h2><p>Directeur: Erik Smit<br>Werkvoorbereider: Linda Bakker<br>"
    "Servicecoördinator: Thijs ter Horst</p>"
    "<p>Storing buiten kantooruren? Bel 06 12 34 56 78.</p></div>",
    {
        "Erik Smit": "Directeur",
        "Linda Bakker": "Werkvoorbereider",
        "Thijs ter Horst": "Servicecoördinator",
    },
    {"address": "Industrieweg 14, 7461 BM Rijssen", "vat_id": "NL854190326B01"},
)
