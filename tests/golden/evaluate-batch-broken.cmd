evaluate --batch tests/data/assessments --lang en
