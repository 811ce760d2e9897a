"""The word lists the detectors consult; add a word here to change what is proposed."""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """A word list written as one string, for the long tables below."""
    return text.split()


# Words that score as loanwords but need no glossary entry: loanwords Korean
# has made its own, and native words that happen to break the loanword rules.
COMMON_WORDS = frozenset(
    _words(
        """
    뉴스 서비스 스타트업 테스트 데이터 센터 시스템 프로그램 프로젝트 플랫폼 컴퓨터
    인터넷 소프트웨어 하드웨어 스마트폰 모바일 디지털 네트워크 클라우드 오픈소스
    그룹 리스크 이슈 트렌드 마케팅 브랜드 콘텐츠 미디어 에너지 배터리 스포츠 게임
    호텔 택시 버스 테러 달러 유로 퍼센트 포인트 칩 서버 모델 로봇 드론 테크 빅테크
    인프라 애플리케이션 앱 데이터센터 컨퍼런스 콘퍼런스 커뮤니티 애널리스트 컴퓨팅 헤지펀드
    쇼크 골프 골프클럽 스트리트 매니저 비즈니스 이코노미 인플레이션 리세션 스태그플레이션
    테크놀로지 엔지니어 엔지니어링 알고리즘 소셜미디어 미디어 유튜브 스토리
    카메라 디자인 스타일 모니터 키보드 스크린 텔레비전 라디오 레스토랑 커피 케이크
    아이디어 이미지 메시지 텍스트 코드 파일 폴더 다운로드 업데이트 업그레이드 버전
    스트레스 트럭 티켓 퀴즈 클럽 팀 리더 멤버 파트너 고객 스타 엘리트 캠페인
    이벤트 프레임 블록 체인 블록체인 코인 토큰 펀드 펀드매니저 스톡 스톡옵션
    크게 크다 크고 크며 큰 크기 그리고 그러나 그래서 그런데 그러면 스스로 드디어 드물게
    드문 드러난 드러나 드러내 트집 크리스마스 프로 세트 테이블 디스플레이 트윗
    엔진 인터뷰 오디오 비디오 스튜디오 타깃 타겟 벤치마크 스펙 테스트베드 퍼즐
    국정원 금감원 금융위 공정위 방통위 선관위 인권위 전문가 관계자
        """
    )
)

# Words that, right after a name, say it is a person's name.
PERSON_TITLES = frozenset(
    _words(
        """
    씨 대표 회장 부회장 사장 부사장 장관 차관 의원 대통령 총리 위원장 위원 특파원 기자
    교수 연구원 이사 이사장 의장 총재 원장 청장 실장 국장 팀장 부장 본부장 센터장 소장
    시장 지사 대변인 변호사 박사 감독 선수 최고경영자 창업자 공동창업자 창업주 최고기술책임자
    최고재무책임자 애널리스트 연구위원 전무 상무 고문 대사 여사 행장 은행장
    CEO CFO CTO COO
        """
    )
)

# Endings of organisation and place words, which look like names before a title
# (국방부 대변인, 한국은행 총재) but are not.
ORGANISATION_ENDINGS = tuple(_words("부 처 청 당 사 국 회 단 실 관 소 시 도 구 군"))

# Heads that name a kind of body, not one body: never a whole term of a longer English name.
GENERIC_HEADS = frozenset(
    _words(
        """
    통신 당국 단체 협회 위원회 운동 교회 사회 파워 서비스 은행 그룹 회사 공사 재단 연구소
    연맹 연합 정부 대학 대학교 센터 기구 본부 학회 연구원 협의회 조합 법원 의회 군 당 청 부
    처 원 국 소 회 사 전자 자동차 항공 증권 보험 신문 방송 통신사 뉴스 타임스 저널 포스트
    그룹 홀딩스 캐피털 파트너스 에너지 제약 바이오 은행 거래소 공항 병원 박물관 미술관 관
    극장 경기장 리그 클럽 유산 시인"""
    )
)

# Words written before a name that are not part of it: 전 대통령, 신임 대표, 이번 회의.
NEVER_JOIN_NAMES = frozenset(
    _words(
        """
    전 현 신임 前 現 이번 지난 올해 내년 작년 당시 최근 새 새로운 같은 해당 이 그 저 각 모든
    국내 해외 글로벌 세계 대형 주요 최대 최초 유일 대표 회장 사장 장관 의원 대통령 총리 업체 기업 회사 측 씨 기자
    관영 국영 일간 주간 메이저 모회사 자회사 계열사"""
    )
)
# Kinds of works and products: 회고록(A Promised Land), 휴대폰(iPhone) gloss the title or
# brand, not the word.
KIND_WORDS = frozenset(
    _words(
        """
    회고록 자서전 저서 책 소설 시집 작품 신작 영화 드라마 다큐멘터리 앨범 음반 노래 곡 신곡
    수록곡 싱글 게임 휴대폰 스마트폰 노트북 태블릿 헤드셋 신차 차량 제품 신제품 브랜드"""
    )
)
# A word ending in one of these before a name says what the name is (에너지기업
# 넥스트에라에너지, 시민단체 참여연대, 여론조사기관 퓨리서치센터) and is not part of it.
DESCRIPTION_ENDINGS = tuple(_words("기업 기관 단체 업체 회사 매체 방송사 신문 통신사 대회"))

# Agencies and papers a byline names in brackets: (서울=연합뉴스) 이수지 기자 (JOINS).
BYLINE_SOURCES = frozenset(
    _words("JOINS AP AFP EPA UPI Reuters Yonhap Xinhua Kyodo Newsis News1 Bloomberg Getty")
)

# Words that join the parts of an English name and stand for no Korean word.
FUNCTION_WORDS = frozenset(
    _words(
        "of the and for in on at to a an by with from & de du des la le del della di da von van der"
    )
)

# Words that make a bracket's English a clause rather than a name.
SENTENCE_WORDS = frozenset(
    _words(
        "is are was were be been not no will would can could should must has have had do does did "
        "i you we they he she it my our your this that"
    )
)

# Countries Korean writes in Sino-Korean (not transliterated), with the English words that
# name them: 중국 joins 인민은행 for "People's Bank of China", not 식품의약국 for "FDA".
COUNTRY_ENGLISH = {
    "미국": ("US", "U.S.", "America", "American", "United States"),
    "중국": ("China", "Chinese"),
    "일본": ("Japan", "Japanese"),
    "한국": ("Korea", "Korean"),
    "북한": ("North Korea", "DPRK"),
    "영국": ("UK", "U.K.", "Britain", "British", "England", "English"),
    "호주": ("Australia", "Australian"),
    "독일": ("Germany", "German"),
    "프랑스": ("France", "French"),
    "러시아": ("Russia", "Russian"),
    "유럽": ("Europe", "European", "EU"),
    "유럽연합": ("EU", "European Union", "European"),
    "유엔": ("UN", "U.N.", "United Nations"),
    "인도": ("India", "Indian"),
    "대만": ("Taiwan", "Taiwanese"),
    "캐나다": ("Canada", "Canadian"),
    "이탈리아": ("Italy", "Italian"),
    "스페인": ("Spain", "Spanish"),
    "멕시코": ("Mexico", "Mexican"),
    "브라질": ("Brazil", "Brazilian"),
    "이스라엘": ("Israel", "Israeli"),
    "이란": ("Iran", "Iranian"),
    "이라크": ("Iraq", "Iraqi"),
    "뉴욕": ("New York",),
    "국제": ("International", "World", "Global"),
}
