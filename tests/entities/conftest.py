"""A small knowledge base written by the tests, in the held-out style (roles, seats, capitals)."""

from __future__ import annotations

import textwrap

import pytest

from normalize.entities import KnowledgeBase

KB_YAML = textwrap.dedent(
    """
    - id: country:us
      name: United States
      type: country
      aliases: [United States of America, America, U.S.]
      demonyms: [American]
      iso: [US, USA]
      capital: city:washington-dc
    - id: country:ru
      name: Russia
      type: country
      aliases: [Russian Federation]
      demonyms: [Russian]
      iso: [RU, RUS]
      capital: city:moscow
    - id: country:ua
      name: Ukraine
      type: country
      demonyms: [Ukrainian]
      iso: [UA, UKR]
      capital: city:kyiv
    - id: country:ch
      name: Switzerland
      type: country
      demonyms: [Swiss]
      iso: [CH, CHE]
      capital: city:bern
    - {id: city:washington-dc, name: "Washington, D.C.", type: city, aliases: [Washington],
       located_in: country:us}
    - {id: city:moscow, name: Moscow, type: city, located_in: country:ru}
    - {id: city:kyiv, name: Kyiv, type: city, aliases: [Kiev], located_in: country:ua}
    - {id: city:bern, name: Bern, type: city, located_in: country:ch}
    - {id: city:geneva, name: Geneva, type: city, located_in: country:ch}
    - {id: gov:kremlin, name: Kremlin, type: gov, aliases: [Moscow Kremlin], seat_of: country:ru,
       located_in: city:moscow}
    - {id: gov:white-house, name: White House, type: gov, seat_of: country:us,
       located_in: city:washington-dc}
    - {id: place:villa-la-grange, name: Villa La Grange, type: place, located_in: city:geneva}
    - {id: org:un, name: United Nations, type: org, aliases: [UN, U.N.]}
    - {id: org:nato, name: North Atlantic Treaty Organization, type: org, aliases: [NATO]}
    - {id: org:who, name: World Health Organization, type: org}
    - {id: org:eu, name: European Union, type: org, aliases: [EU]}
    - id: person:jake-sullivan
      name: Jake Sullivan
      type: person
      aliases: [Jacob Sullivan]
      gender: male
      nationality: country:us
      roles:
        - {role: National Security Advisor, of: country:us, start: 2021-01-20, end: 2025-01-20}
    - id: person:joe-biden
      name: Joe Biden
      type: person
      aliases: [Joseph R. Biden Jr.]
      gender: male
      nationality: country:us
      roles:
        - {role: Vice President, of: country:us, start: 2009-01-20, end: 2017-01-20}
        - {role: President, of: country:us, start: 2021-01-20, end: 2025-01-20}
    - id: person:hunter-biden
      name: Hunter Biden
      type: person
      gender: male
      nationality: country:us
    - id: person:donald-trump
      name: Donald Trump
      type: person
      gender: male
      nationality: country:us
      roles:
        - {role: President, of: country:us, start: 2017-01-20, end: 2021-01-20}
    - id: person:vladimir-putin
      name: Vladimir Putin
      type: person
      gender: male
      nationality: country:ru
      roles:
        - {role: President, of: country:ru, start: 2000-05-07, end: 2008-05-07}
        - {role: Prime Minister, of: country:ru, start: 2008-05-08, end: 2012-05-07}
        - {role: President, of: country:ru, start: 2012-05-07, end: null}
    - id: person:dmitry-medvedev
      name: Dmitry Medvedev
      type: person
      gender: male
      nationality: country:ru
      roles:
        - {role: President, of: country:ru, start: 2008-05-07, end: 2012-05-07}
        - {role: Prime Minister, of: country:ru, start: 2012-05-08, end: 2020-01-16}
    - id: person:sergey-lavrov
      name: Sergey Lavrov
      type: person
      aliases: [Sergei Lavrov]
      gender: male
      nationality: country:ru
      roles:
        - {role: Foreign Minister, of: country:ru, start: 2004-03-09, end: null}
    - id: person:antony-blinken
      name: Antony Blinken
      type: person
      gender: male
      nationality: country:us
      roles:
        - {role: Secretary of State, of: country:us, start: 2021-01-26, end: 2025-01-20}
    - id: person:dmitry-peskov
      name: Dmitry Peskov
      type: person
      gender: male
      nationality: country:ru
      roles:
        - {role: Kremlin Spokesperson, of: country:ru, start: 2012-05-22, end: null}
    - id: person:jen-psaki
      name: Jen Psaki
      type: person
      gender: female
      nationality: country:us
      roles:
        - {role: White House Press Secretary, of: country:us, start: 2021-01-20, end: 2022-05-13}
    - id: person:volodymyr-zelenskyy
      name: Volodymyr Zelenskyy
      type: person
      gender: male
      nationality: country:ua
      roles:
        - {role: President, of: country:ua, start: 2019-05-20, end: null}
    - id: person:xi-jinping
      name: Xi Jinping
      type: person
      gender: male
    - id: person:ursula-von-der-leyen
      name: Ursula von der Leyen
      type: person
      gender: female
      roles:
        - {role: President of the European Commission, of: org:eu, start: 2019-12-01, end: null}
    - id: event:geneva-summit-2021
      name: Russia–United States summit
      type: event
      aliases: [Geneva summit]
      located_in: city:geneva
      start: 2021-06-16
      end: 2021-06-16
      participants: [person:joe-biden, person:vladimir-putin]
    """
)


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory: pytest.TempPathFactory):
    """The fixture KB as a YAML file."""
    path = tmp_path_factory.mktemp("kb") / "kb.yaml"
    path.write_text(KB_YAML, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def kb(kb_path) -> KnowledgeBase:
    """The fixture KB, loaded and indexed."""
    return KnowledgeBase.load(kb_path)
