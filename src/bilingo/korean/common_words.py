"""Everyday Korean words that a glossary headword may spell too (인도: India, and sidewalk).

Why: a glossary of names, places and brands is full of short Hangul headwords,
and a short headword is often also an ordinary word: 인도 is India and the
sidewalk, 파리 Paris and a fly, 대전 Daejeon and a great war, 선전 Shenzhen
and propaganda, 기아 Kia and starvation. The matcher cannot tell them apart,
so an entry like that needs a `sense` (cues that confirm or exclude it, or
`otherwise: verify`), and `glossary validate` warns about one that has none
(glossary.lint). The list only has to hold the words a Korean reader knows as
ordinary words; it is not a dictionary.

How it was chosen, by hand: words of one or two syllables (three for a few
famous collisions: 신세계, 윈도우, 카카오) that a Korean newspaper reader uses
every day and that collide with the kind of headword a glossary holds, in five
groups: words that are also a foreign or Korean place, company, product or
person's name; politics, institutions and the economy, where one word has
several English renderings; everyday nouns; loanwords whose Korean sense is
not the English word; and single syllables, which are also the one-letter
abbreviations news writing uses (미, 중, 일). Left out: words whose English is
the same in every sense (관세 tariff, 로봇 robot, 골프 golf), since an entry for
one of them is that very word and the warning would be noise. This list is not
extraction.words.COMMON_WORDS, which holds loanwords that need no entry.
"""

from __future__ import annotations

# Words that are also the Korean spelling of a place, company, product or person's name.
NAME_COLLISIONS = """
인도 파리 대전 선전 용인 기아 이란 메타 경기 이천 대구 수원 호주 오만 수단 가나 니스
피지 아이티 조선 고려 경주 공주 부여 구미 진주 전주 청주 원주 상주 영주 양주 양산
화성 오산 사천 광명 동해 남해 서해 현대 대우 대상 동원 진로 하나 우리 국민 기업 유한
동아 중앙 경향 국제 매일 연합 소라 라마 자라 망고 무지 오렌지 라임 리프트 토탈 보스
에이스 타깃 코치 엣지 크롬 사파리 오페라 카카오 당근 신세계 윈도 윈도우 비전 워치 에어
프로 미니 링크 알파 베타 폴드 플립 갤럭시 오피스 엑셀 워드 토스 머니 페이 뱅크 택시
웨이브 쿠키 마켓 스토어 포스트 타임 마크 샘 팀 존 골드 실버 블루 레드 그린 블랙
화이트 핑크 킹 퀸 스타 모델 추론 엑스 라인 밴드 카페 지도 노트 박스 줌 갭 코트 비자
마스터 멘트 나비 사자 고래 여우 곰 독수리 호랑이 거북 사슴 토끼 까치 참새 비둘기 장미
국화 무궁화 진달래 소나무 대나무 은하 태양
"""

# Politics, institutions and the economy: words with more than one English (시장 market and
# mayor, 은행 bank and ginkgo nut, 의회 Congress or a parliament, 수입 imports and income).
PUBLIC_LIFE = """
정부 국가 회사 시장 의원 대표 의회 국회 상원 하원 위원 의장 회장 사장 총장 원장 총리
장관 차관 대사 지사 군수 시청 도청 통일 통상 감사 조사 수사 고소 사면 정당 민주 공화
보수 진보 중도 개혁 혁신 정의 미래 희망 평화 자유 통합 연대 녹색 시민 사회 정상 신문
주식 채권 은행 부채 대출 수입 상품 이익 통화 상장 인수 실업 임금 지원 운동 지점 공사
공단 기관 지방
"""

# Everyday nouns: people, the body, home, time, nature, food, things, ideas.
EVERYDAY = """
사람 남자 여자 아이 어른 가족 부모 아들 친구 이웃 손님 주인 선생 교사 학생 학교 병원
의사 환자 직원 사원 가게 식당 시골 도시 마을 동네 나라 세계 세상 지구 우주 자연 날씨
기후 하늘 바다 바람 구름 나무 바위 모래 얼음 그늘 햇빛 공기 불꽃 연기 머리 얼굴 마음
다리 시간 오늘 내일 어제 아침 점심 저녁 주말 여름 가을 겨울 생일 결혼 음식 사과 정원
전화 선물 영화 음악 노래 문제 생각 이유 결과 방법 목적 의미 내용 정보 자료 기록 기사
역사 문화 예술 종교 언어 건강 선수 감독 회의 이상 이하 차도 도로 공항 기차 버스 사고
전기 가스 수도 사랑 우정 행복 기쁨 용기 인정 능력 성공 실패 승리 기회 행운 위험 안전
공부 시험 우산 안경 지갑 가방 모자 신발 양말 거울 창문 의자 책상 침대 이불 열쇠 시계
편지 사진 그림 연극 소설 만화 질문 대답 여행 휴가 약속 계획 준비 시작 처음 중간 축구
야구 농구 배구 수영 등산 과일 채소 고기 생선 수박 딸기 포도 우유 커피 소금 설탕 고추
감자 마늘 양파 김치 국수 만두 두부 새해 명절 숙제 방학 교실 연필 공책 종이 상자 웃음
눈물 걱정 경험 기억 관심 인기 소식 농담 슬픔 분노 욕심 습관 성격 재능 실력 노력 패배
운명 어깨 허리 무릎 가슴 입술 피부 계단 지붕 마당 골목 터널 항구 주차 택배 배달 교통
신호 화재 지진 태풍 홍수
"""

# Loanwords whose everyday Korean sense is not the English word (헬스 is a gym, 팬 also a pan).
LOANWORDS = """
팬 골 필드 홈 키 락 헬스 허브 시티 포트 로드 랩
"""

# Single syllables: everyday words, and the one-letter abbreviations of news writing
# (미 for the United States, 중 China, 일 Japan, 북 North Korea).
SINGLE_SYLLABLES = """
미 중 일 한 북 남 영 독 불 러 인 이 호 유 시 도 군 구 동 차 배 말 눈 손 발
물 산 강 길 집 돈 밥 술 꽃 해 달 별 밤 낮 빛 땅 비 옷 책 공 약 병 표 값 힘
꿈 몸 맛 색 쌀 잠 줄 점 면 장 상 권 판 편 층 칸 빈 링 탭 정 조 신 황 안 송
전 홍 고 문 양 백 허 심 노 하 성 주 우 민 진 나 지 원 천 방 현 여 추 소 석
선 설 마 연 위 명 기 반 왕 금 옥 육 제 모 국 은 용 예 봉 경 사 부 간 곳 때
섬 숲 새 개 벽 창 칼
"""

COMMON_WORDS = frozenset(
    (NAME_COLLISIONS + PUBLIC_LIFE + EVERYDAY + LOANWORDS + SINGLE_SYLLABLES).split()
)
