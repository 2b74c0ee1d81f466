"""Who published an article: the outlet named in its metadata, else the name a reader knows
for its web domain (reuters.com → Reuters), else the bare domain (www. dropped)."""
from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

KNOWN = {
    "reuters.com": "Reuters", "apnews.com": "Associated Press", "ap.org": "Associated Press",
    "afp.com": "AFP", "bbc.co.uk": "BBC", "bbc.com": "BBC", "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera", "france24.com": "France 24", "voanews.com": "Voice of America",
    "theguardian.com": "The Guardian", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
    "cnn.com": "CNN", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    "foxnews.com": "Fox News", "npr.org": "NPR", "usnews.com": "U.S. News & World Report",
    "politico.com": "Politico", "bloomberg.com": "Bloomberg", "ft.com": "Financial Times",
    "economist.com": "The Economist", "dw.com": "Deutsche Welle", "rferl.org": "Radio Free Europe/Radio Liberty",
    "euronews.com": "Euronews", "independent.co.uk": "The Independent", "telegraph.co.uk": "The Telegraph",
    "timesofisrael.com": "The Times of Israel", "haaretz.com": "Haaretz", "jpost.com": "The Jerusalem Post",
    "arabnews.com": "Arab News", "thenationalnews.com": "The National", "middleeasteye.net": "Middle East Eye",
    "rudaw.net": "Rudaw", "kurdistan24.net": "Kurdistan 24", "dawn.com": "Dawn", "thehindu.com": "The Hindu",
    "hindustantimes.com": "Hindustan Times", "timesofindia.indiatimes.com": "The Times of India",
    "aa.com.tr": "Anadolu Agency", "dailysabah.com": "Daily Sabah", "kyivindependent.com": "The Kyiv Independent",
    "ukrinform.net": "Ukrinform", "tass.com": "TASS", "themoscowtimes.com": "The Moscow Times",
    "scmp.com": "South China Morning Post", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua",
    "premiumtimesng.com": "Premium Times", "punchng.com": "Punch", "nation.africa": "Nation",
    "news24.com": "News24", "allafrica.com": "AllAfrica", "sudantribune.com": "Sudan Tribune",
    "wikinews.org": "Wikinews", "en.wikinews.org": "Wikinews",
}


def outlet_name(outlet: Optional[str], url: Optional[str]) -> Optional[str]:
    """The outlet to show for an article; None when neither metadata nor URL says."""
    if outlet and outlet.strip():
        return outlet.strip()
    domain = _domain(url)
    if not domain:
        return None
    parts = domain.split(".")
    for i in range(len(parts) - 1):  # news.bbc.co.uk → bbc.co.uk → co.uk
        name = KNOWN.get(".".join(parts[i:]))
        if name:
            return name
    return domain


def _domain(url: Optional[str]) -> Optional[str]:
    if not url or not url.strip():
        return None
    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host[4:] if host.startswith("www.") else host
