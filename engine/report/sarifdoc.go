package report

// The subset of SARIF 2.1.0 that tollgate writes.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool           `json:"tool"`
	Results    []sarifResult       `json:"results"`
	Properties *sarifRunProperties `json:"properties,omitempty"`
}

type sarifRunProperties struct {
	Passed    bool   `json:"passed"`
	Currency  string `json:"currency"`
	PastTotal string `json:"pastTotalMonthlyCost"`
	Total     string `json:"totalMonthlyCost"`
	DiffTotal string `json:"diffTotalMonthlyCost"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	ShortDescription     *sarifText          `json:"shortDescription,omitempty"`
	FullDescription      *sarifText          `json:"fullDescription,omitempty"`
	DefaultConfiguration *sarifConfiguration `json:"defaultConfiguration,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string                 `json:"ruleId"`
	RuleIndex           int                    `json:"ruleIndex"`
	Level               string                 `json:"level"`
	Message             sarifText              `json:"message"`
	Locations           []sarifLocation        `json:"locations,omitempty"`
	PartialFingerprints map[string]string      `json:"partialFingerprints"`
	Suppressions        []sarifSuppression     `json:"suppressions,omitempty"`
	Properties          *sarifResultProperties `json:"properties,omitempty"`
}

type sarifResultProperties struct {
	Address       string     `json:"address,omitempty"`
	Blocking      bool       `json:"blocking"`
	Enforcement   string     `json:"enforcement,omitempty"`
	Overridden    bool       `json:"overridden,omitempty"`
	ExpiredWaiver *WaiverDoc `json:"expiredWaiver,omitempty"`
	Policy        string     `json:"policy,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

type sarifLogicalLocation struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string                      `json:"kind"`
	Status        string                      `json:"status"`
	Justification string                      `json:"justification"`
	Properties    *sarifSuppressionProperties `json:"properties,omitempty"`
}

type sarifSuppressionProperties struct {
	Rule    string `json:"rule"`
	Address string `json:"address"`
	Owner   string `json:"owner"`
	Expires string `json:"expires"`
	Source  string `json:"source,omitempty"`
}
