"""What the purpose tripwire can read: five languages in Latin letters. A text in another script or another
language is unread (guards/languages.py), which the guard counts as an unknown fact (tests/guard/test_described_text.py
shows the verdict); here, which texts are unread and why."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.languages import unread_because, unread_name

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(
    ("text", "because"),
    [
        pytest.param("Распознавание лиц подозреваемых.", "another script", id="mostly-cyrillic"),
        pytest.param("Identify the 容疑者 in each frame.", "another script", id="one-word-in-another-script"),
        pytest.param("Per il dipartimento di polizia di Chicago: immagini.", "reads as Italian", id="italian-markers"),
        pytest.param("Verdachten herkennen aan hun gezicht voor de politie.", "reads as Dutch", id="dutch-markers"),
        pytest.param("Rozpoznawanie twarzy podejrzanych dla policji.", "not words of those languages", id="polish"),
        pytest.param("Riconoscimento Facciale Per La Polizia Di New York", "not words", id="italian-in-title-case"),
        pytest.param("RICONOSCIMENTO FACCIALE PER LA POLIZIA", "not words", id="italian-in-capitals"),
    ],
)
def test_a_text_in_another_script_or_language_is_unread_and_says_why(text: str, because: str) -> None:
    said = unread_because(text)

    assert said is not None
    assert because in said


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Summarise Jira tickets for Contoso's on-call SREs using GPT-4o.", id="names-and-acronyms"),
        pytest.param("Kundenfotos anonymisieren, indem Gesichter verpixelt werden.", id="german-compounds"),
        pytest.param("Résumer les tickets pour l'équipe de Montréal.", id="french-accents"),
        pytest.param("Reconocimiento facial para la policía de Nueva York.", id="spanish"),
        pytest.param("Latency under 200 μs for 𝐞𝐯𝐞𝐫𝐲 request.", id="a-unit-and-bold-latin-letters"),
        pytest.param("Answer HR questions.", id="short"),
    ],
)
def test_a_text_in_one_of_the_five_languages_is_read(text: str) -> None:
    assert unread_because(text) is None


def _corpus(name: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
    return entries


FIVE = ("en", "es", "fr", "de", "pt")


def test_no_purpose_of_the_five_languages_in_the_labelled_corpus_is_unread() -> None:
    purposes = [
        e["text"]
        for path in sorted(CORPUS.glob("*.yaml"))
        if path.stem != "languages"
        for e in _corpus(path.stem)
        if e.get("lang", "en") in FIVE
    ]

    unread = [(text, because) for text in purposes if (because := unread_because(text))]

    assert len(purposes) > 1_700
    assert unread == []


def test_most_purposes_in_other_languages_are_unread() -> None:
    # A tuned set (tests/corpus/languages.yaml): languages close to Spanish or Portuguese (Catalan, Galician, some
    # Italian) or to German share enough words to be read as them, and are read with their words; 6 of 46 are.
    entries = _corpus("languages")

    read = [e["text"] for e in entries if unread_because(e["text"]) is None]

    assert {e["lang"] for e in entries}.isdisjoint(FIVE)
    assert len(entries) - len(read) >= 0.85 * len(entries), read


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "We summarise incident reports, witness statements and case notes for detectives in the county so they "
            "can prepare court files quickly and accurately; inoltre riconoscimento facciale dei sospettati.",
            id="an-italian-clause",
        ),
        pytest.param(
            "Summaries of case notes for the detectives' weekly review; ook gezichtsherkenning van verdachten.",
            id="a-dutch-clause",
        ),
    ],
)
def test_a_clause_in_another_language_inside_a_text_in_english_is_unread(text: str) -> None:
    said = unread_because(text)

    assert said is not None
    assert "in '" in said


def test_a_short_clause_with_a_rare_word_or_two_is_read() -> None:
    assert unread_because("Redact faces of bystanders; the officer's name and badge number stay visible.") is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Analyse evidence photos with gezichtsherkenning against the booking archive and write a short report.",
         "'gezichtsherkenning'"),
        ("Analyse evidence photos with riconoscimento facciale against the booking archive and write a short report.",
         "'riconoscimento'"),
        ("Analyse evidence photos using rozpoznawanie twarzy against the booking archive and write a short report.",
         "'rozpoznawanie'"),
        ("Analyse evidence photos using ansiktsigenkänning and write a short report for the detectives.",
         "'ansiktsigenkanning'"),
        ("Analyse evidence photos using yüz tanıma and write a short report for the detectives.", "Turkish"),
        ("Identify people in photos for access control at the premises of the polizia of New York.", "Italian"),
        ("Identify people in photos for access control; the client is the politie of Chicago.", "Dutch"),
        ("Identify people in photos for access control; the client is policja in Houston.", "Polish"),
        ("Identify people in custody photographs, and also from the kroppskameror of officers.", "'kroppskameror'"),
        ("Identify people in custody photographs, and also from telecamere indossabili on patrol.", "not a word"),
        ("Run raspoznavanie lits on booking photos for detectives.", "'raspoznavanie'"),
    ],
)  # fmt: skip
def test_one_word_of_another_language_in_an_english_text_is_unread_where_strict(text: str, word: str) -> None:
    said = unread_because(text, strict=True)

    assert said is not None
    assert word in said


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param("Gezichtsherkenning voor de politie van Chicago.", "'politie'", id="dutch"),
        pytest.param("Riconoscimento del volto per la polizia di Chicago.", "'polizia'", id="italian"),
        pytest.param("Volti dai droni in tempo reale.", "'droni'", id="italian-short"),
        pytest.param("Ansiktsigenkänning för polisen i Chicago och New York.", "'polisen'", id="swedish"),
        pytest.param("Gesigsherkenning vir die polisie in die Verenigde State.", "'gesigsherkenning'", id="afrikaans"),
        pytest.param(
            "Rozpoznawanie twarzy Chicago Boston Miami Denver Houston Dallas.", "'rozpoznawanie'", id="padded-by-names"
        ),
    ],
)
def test_a_text_of_another_language_whose_short_words_the_five_share_is_unread_where_strict(
    text: str, word: str
) -> None:
    # Review R11: "voor", "de", "van", "per", "la", "di" are words of the five too, so only the words that say
    # what is done ("politie", "gezichtsherkenning") tell the language; names (the cities) tell none.
    said = unread_because(text, strict=True)

    assert said is not None
    assert word in said


CUSTODY = "Compare custody photos with the force's custody records"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(f"{CUSTODY}; poi dai droni sopra le piazze, subito.", "'droni'", id="italian-clause"),
        pytest.param(f"{CUSTODY}; sedan från drönare över torgen, direkt.", "'dronare'", id="swedish-clause"),
    ],
)
def test_a_short_clause_of_another_language_after_an_english_sentence_is_unread_where_strict(
    text: str, word: str
) -> None:
    # Review R15: the clause that says what is done, after a long enough English sentence, met no threshold.
    said = unread_because(text, strict=True)

    assert said is not None
    assert word in said


@pytest.mark.parametrize(
    "text",
    [
        "Analyse evidence photos with gezichtsherkenning against the booking archive and write a short report.",
        "Identify people in photos for access control at the premises of the polizia of New York.",
    ],
)
def test_one_word_of_another_language_in_an_english_text_is_read_where_not_strict(text: str) -> None:
    assert unread_because(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Deduplicate the tickets and blur the faces in the unblurred photos.", id="english-affixes"),
        pytest.param("Count the revellers at the gate in each of the pixelated frames.", id="english-endings"),
        pytest.param("Blur the faces of bystanders in the dashcam and bodycam footage.", id="run-together"),
        pytest.param("Summarise kubectl, terraform and helm output from argocd and grafana alerts.", id="tool-names"),
        pytest.param("Answer questions about pytorch, numpy and pandas errors in jupyter notebooks.", id="libraries"),
        pytest.param("Route the chatbot's calls through the keyvault and the frontend.", id="tech-compounds"),
        pytest.param("Gesichter in den Fotos verpixeln und mit den Ausweisen abgleichen.", id="german-inflections"),
        pytest.param("Difuminar las caras de los peatones en las fotos de la calle.", id="spanish-inflections"),
        pytest.param("Redact the faces with Gezichtsherkenning BV's tool for the Politie Academy.", id="names"),
    ],
)  # fmt: skip
def test_an_english_or_five_language_text_is_read_where_strict(text: str) -> None:
    assert unread_because(text, strict=True) is None


def test_no_ordinary_purpose_of_the_labelled_corpus_is_unread_where_strict() -> None:
    # Of the other classes' purposes, the two that are unread are review 17's, which hide recognition in a word of
    # Dutch or Russian ("Run raspoznavanie lits on booking photos").
    purposes = [
        e["text"]
        for path in sorted(CORPUS.glob("*.yaml"))
        if path.stem != "languages"
        for e in _corpus(path.stem)
        if e.get("lang", "en") in FIVE and e["class"] == "ordinary"
    ]

    unread = [(text, because) for text in purposes if (because := unread_because(text, strict=True))]

    assert len(purposes) > 700
    assert unread == []


ORDINARY_NAMES: tuple[str, ...] = tuple(
    """
    aoai-prod-weu-01 rg-app rg-openai-prod kubernetes terraform observability geofencing tokenizer chatbot onboarding
    summarizer retriever embeddings multimodal deduplication loadbalancer autoscaler autoscaling keyvault appinsights
    loganalytics monitoring telemetry frontend backend middleware webhook webhooks serverless microservices
    containerized orchestrator orchestration ingestion preprocessing postprocessing vectorstore vectorizer vectordb
    reranker chunking chunker finetuning inference inferencing copilot helpdesk servicedesk knowledgebase faq
    ticketing triage classifier moderation transcription translator localization personalization recommender
    recommendations forecasting analytics dashboards reporting datalake lakehouse warehouse pipeline pipelines
    dataops mlops devops gitops sandbox staging preprod production nonprod shared platform networking vnet subnet
    privatelink firewall gateway apim cognitive openai azureopenai gpt4o contoso fabrikam northwind adventureworks
    woodgrove tailspin litware wingtiptoys customerservice customersupport callcenter contactcenter billing
    invoicing payroll procurement compliance governance auditing redaction anonymization pseudonymization
    tokenization sentiment summarization paraphrasing proofreading copywriting marketing ecommerce storefront
    checkout cataloging metadata captioning alttext thumbnails imagetagging ocr docintel formrecognizer receipts
    invoices claims underwriting insurtech fintech healthtech telehealth radiology dermatology pathology triaging
    scheduling rostering dispatching logistics warehousing fulfillment fulfilment geospatial geocoding mapping
    routing telematics fleet iot edgecompute digitaltwin simulation benchmarking evaluation evals redteam
    redteaming jailbreak guardrails safety contentfilter moderator watermarking provenance lineage cataloguing
    archiving backup recovery failover georeplication autoscale scaleset nodepool helm kustomize argocd flux
    grafana prometheus loki jaeger opentelemetry elasticsearch opensearch kibana postgres postgresql cosmosdb
    mongodb redis kafka eventhub servicebus functions webapp appservice containerapps aks acr pytorch tensorflow
    numpy pandas jupyter notebooks databricks synapse snowflake airflow dbt langchain llamaindex semantickernel
    promptflow prompty ragbot chatops slackbot teamsbot faqbot helpbot assistant agentic multiagent toolcalling rag
    hybridsearch semanticsearch vectorsearch keyword crawler scraper parser tokenizers detokenizer lemmatizer
    stemmer spellchecker autocomplete autocorrect typeahead voicebot speechtotext texttospeech subtitling dubbing
    transcoding livestream streaming videoindexer photoediting upscaling denoising deblurring inpainting
    thumbnailer imagegen dalle whisper embedder reindexing indexer ingester preprocessor validator normalizer
    deduper anonymizer deidentification pseudonymizer rg-contoso-chat-prod aoai-eus2-dev-001 st-photos-archive
    func-image-tagger kv-shared-weu log-analytics-prod appi-frontend-prod cog-vision-dev rg-claims-automation
    rg-helpdesk-copilot team-platform cost-center-4711 owner-data-science env-staging workload-customer-care
    rg-bodycam-redaction rg-dashcam-blur rg-mugshot-archive photo-moderation image-captioning face-blurring
    facedetection faceblur redactor blurring pixelation geofence geotagging dedupe deduped misconfiguration
    reconfiguration containerization virtualization digitization digitalization multitenancy multitenant
    interoperability scalability maintainability reliability availability accessibility explainability
    interpretability traceability auditability
    autoscaling-group blobstorage datafactory eventgrid apimanagement frontdoor trafficmanager bastionhost jumpbox
    rg-genai-sandbox rg-ml-workspace mlworkspace featurestore modelregistry experiment-tracking hyperparameter
    hyperparameters quantization distillation finetuned prompt-engineering promptengineering groundedness
    hallucination hallucinations rerankers retrievers chunkers embedders vectorizers summarizers classifiers
    extractors transcriber transcribers captioner captioners annotator annotators labeler labelers labelling
    labeling relabeling dataset datasets preprocessed tokenized detokenized lemmatized normalized denormalized
    serialized deserialization serialization configurable misconfigured reconfigured provisioning deprovisioning
    decommissioning onboarded offboarding rollout rollback canary bluegreen blue-green hotfix hotfixes changelog
    changelogs backlog backlogs runbook runbooks playbook playbooks postmortem postmortems oncall on-call
    pagerduty servicenow zendesk salesforce sharepoint onedrive outlook dynamics365 powerbi powerapps
    powerautomate logicapps copilotstudio throughput latency latencies autoscaled rebalancing sharding sharded
    replicas replication partitioning checkpointing snapshotting versioning templating scaffolding linting
    formatter formatters typechecking webscraping crawling geocoder geocoders reverse-geocoding timeseries
    anomalydetection fraudscoring riskscoring chargeback showback finops costmanagement budgeting
    invoiceprocessing claimsprocessing customerinsights churnprediction upselling crossselling leadscoring
    personalisation localisation wayfinding kiosk kiosks signage footfall heatmap heatmaps dwelltime queueing
    ticketless cashierless photobooth photobooths thumbnailing watermarked deduplicated blurred redacted anonymised
    pseudonymised
    """.split()  # noqa: SIM905 - a block of words keeps 486 names readable
)
"""Names, one-word tags and technical words of ordinary English deployments. The first 328 were written while the
strict reading was tuned, the last 157 after it (one more, ``kycprocessing``, is unread: an abbreviation run into
a word). Left out: ``sanitizer``, unread in a sentence where strict (none of the five languages' commonest and
made by no English ending from one)."""


def test_ordinary_names_tags_and_technical_words_are_read() -> None:
    unread = [(name, because) for name in ORDINARY_NAMES if (because := unread_name(name))]

    assert len(ORDINARY_NAMES) > 400
    assert unread == []


def test_ordinary_names_tags_and_technical_words_in_an_english_sentence_are_read_where_strict() -> None:
    sentences = [f"Deploy the {name} service for the team and its users." for name in ORDINARY_NAMES]

    unread = [(text, because) for text in sentences if (because := unread_because(text, strict=True))]

    assert unread == []


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("ansiktsigenkanning", "'ansiktsigenkanning'"),
        ("rg-ansiktsigenkanning", "'ansiktsigenkanning'"),
        ("gezichtsherkenning", "'gezichtsherkenning'"),
        ("kroppskameror-prod-01", "'kroppskameror'"),
        ("raspoznavanieLits", "'raspoznavanie'"),
        ("polizia-nyc", "Italian"),
        ("st-politie-chicago", "Dutch"),
        ("yuz-tanima", "Turkish"),
    ],
)
def test_one_long_word_or_marker_of_another_language_in_a_name_is_unread(name: str, word: str) -> None:
    said = unread_name(name)

    assert said is not None
    assert word in said


@pytest.mark.parametrize(
    "owner",
    [
        "katarzyna.lewandowska@example.pl",
        "przemyslaw.wojciechowski@contoso.com",
        "giuseppe.mastrangelo@example.it",
        "venkataraman.subramanian@example.com",
        "mohammadreza.hosseinzadeh@example.com",
        "nguyen.thanh@example.com",
        "ramakrishnan@example.com",
        "data-science-team@example.com",
    ],
)
def test_a_persons_name_in_a_mailbox_is_no_word_of_another_language(owner: str) -> None:
    assert unread_name(owner) is None


@pytest.mark.parametrize(
    "owner",
    ["riconoscimento-facciale@example.it", "jan.jansen@politie.nl", "ansiktsigenkanning-unit@example.se"],
)
def test_a_teams_mailbox_or_a_domain_in_another_language_is_unread(owner: str) -> None:
    assert unread_name(owner) is not None


def test_a_long_run_of_letters_is_read_in_bounded_time() -> None:
    # Cutting "hahaha..." every way into known words ("haha", "hahah") took time exponential in its length: 6 s
    # at 66 letters, without end at 100.
    text = f"Run {'haha' * 25}qx on the photos for the detectives."

    started = time.perf_counter()
    plain, strict = unread_because(text), unread_because(text, strict=True)

    assert time.perf_counter() - started < 2
    assert strict is not None
    assert plain is None


@pytest.mark.parametrize(
    ("text", "strict", "unread"),
    [
        pytest.param("Identify people for 👮 in Chicago.", True, True, id="police-officer-emoji"),
        pytest.param("Match faces for the 🚓 unit.", True, True, id="police-car-emoji"),
        pytest.param("Answer billing questions 😊", False, False, id="text-only-use-case"),
        pytest.param("Blur faces in footage © 2026, at 20° C.", True, False, id="typographic-signs"),
    ],
)
def test_a_pictograph_is_unread_where_pictures_or_law_enforcement_are_declared(
    text: str, strict: bool, unread: bool
) -> None:
    assert (unread_because(text, strict=strict) is not None) is unread


def test_a_pictograph_in_a_name_is_unread() -> None:
    assert unread_name("👮-face-match") is not None
    assert unread_name("rg-face-match") is None


@pytest.mark.parametrize(
    "name", ["stpubliccomments", "crpubliccomments", "logpubliccomments", "kvprodweu", "usgovernment"]
)
def test_an_azure_name_run_together_after_its_resource_abbreviation_is_read(name: str) -> None:
    # Storage accounts and registries take no hyphens: the Cloud Adoption Framework's prefix runs into the words.
    assert unread_name(name) is None


def test_a_foreign_word_after_a_resource_abbreviation_is_still_unread() -> None:
    assert unread_name("stansiktsigenkanning") is not None


@pytest.mark.parametrize(
    "owner", ["it@polisen.se", "sistemi@poliziadistato.it", "it@politie.nl", "it@policja.gov.pl", "it@poliisi.fi"]
)
def test_a_declared_police_forces_own_domain_in_its_language_is_its_name_not_unread(owner: str) -> None:
    # Review R10: a force cannot write its domain in English; the terms allow its text-only tools. Where no force
    # is declared, the same domain names a customer the declaration leaves out.
    assert unread_name(owner, force_declared=True) is None
    assert unread_name(owner) is not None


def test_a_mailbox_domain_that_says_more_than_a_forces_name_is_still_read() -> None:
    assert unread_name("ops@gezichtsherkenning.nl") is not None
